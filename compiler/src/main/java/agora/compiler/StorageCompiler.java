package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.Storage;
import agora.syntax.Property;
import agora.units.Dimension;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of a {@code storage} peer: each unit-checked and constant, then checked
 * together (efficiencies in (0, 1], states of charge within the capacity, ...), every problem
 * reported where the value is written.
 */
final class StorageCompiler {
    static final String CAPACITY = "capacity";
    static final String CHARGE_POWER = "charge_power";
    static final String DISCHARGE_POWER = "discharge_power";
    static final String CHARGE_EFFICIENCY = "charge_efficiency";
    static final String DISCHARGE_EFFICIENCY = "discharge_efficiency";
    static final String INITIAL = "initial";
    static final String FINAL_AT_LEAST = "final_at_least";
    static final String SELF_DISCHARGE = "self_discharge";
    static final String CYCLE_COST = "cycle_cost";
    /** Every property a storage peer knows without a kind declaring it. */
    static final List<String> PROPERTIES = List.of(CAPACITY, CHARGE_POWER, DISCHARGE_POWER,
            CHARGE_EFFICIENCY, DISCHARGE_EFFICIENCY, INITIAL, FINAL_AT_LEAST, SELF_DISCHARGE, CYCLE_COST);
    private static final Dimension PER_HOUR = Dimension.TIME.inverse();

    private final Diagnostics diagnostics;
    private final Evaluator evaluator;

    StorageCompiler(Diagnostics diagnostics, Evaluator evaluator) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
    }

    /** The storage, or empty after reporting every problem of its properties. */
    Optional<Storage> compile(String peer, SourceSpan at, Map<String, Property.Assignment> named, Scope scope) {
        int errors = diagnostics.errorCount();
        Double capacity = value(named, CAPACITY, Dimension.ENERGY, null, scope, peer, at);
        Double charge = value(named, CHARGE_POWER, Dimension.POWER, null, scope, peer, at);
        Double discharge = value(named, DISCHARGE_POWER, Dimension.POWER, charge, scope, peer, at);
        Double etaCharge = value(named, CHARGE_EFFICIENCY, Dimension.NONE, 1.0, scope, peer, at);
        Double etaDischarge = value(named, DISCHARGE_EFFICIENCY, Dimension.NONE, 1.0, scope, peer, at);
        Double initial = value(named, INITIAL, Dimension.ENERGY, 0.0, scope, peer, at);
        Double finalAtLeast = value(named, FINAL_AT_LEAST, Dimension.ENERGY, Double.NaN, scope, peer, at);
        Double selfDischarge = value(named, SELF_DISCHARGE, PER_HOUR, 0.0, scope, peer, at);
        Double cycleCost = value(named, CYCLE_COST, Dimension.PRICE, 0.0, scope, peer, at);
        // a value may also have failed earlier, reported where a kind's default used it
        boolean missing = java.util.stream.Stream.of(capacity, charge, discharge, etaCharge, etaDischarge,
                initial, finalAtLeast, selfDischarge, cycleCost).anyMatch(java.util.Objects::isNull);
        if (diagnostics.errorCount() > errors || missing) {
            return Optional.empty();
        }
        if (!(capacity > 0)) {
            error(DiagnosticCode.STORAGE_VALUE, named, CAPACITY, at, "capacity of storage '" + peer
                    + "' must be positive, found " + energy(capacity));
        }
        nonNegative(named, CHARGE_POWER, charge, Dimension.POWER, peer, at);
        if (named.containsKey(DISCHARGE_POWER)) { // else it is charge_power, checked just above
            nonNegative(named, DISCHARGE_POWER, discharge, Dimension.POWER, peer, at);
        }
        nonNegative(named, CYCLE_COST, cycleCost, Dimension.PRICE, peer, at);
        efficiency(named, CHARGE_EFFICIENCY, etaCharge, peer, at);
        efficiency(named, DISCHARGE_EFFICIENCY, etaDischarge, peer, at);
        if (!(selfDischarge >= 0 && selfDischarge < 1)) {
            error(DiagnosticCode.STORAGE_VALUE, named, SELF_DISCHARGE, at, "self-discharge of storage '"
                    + peer + "' must be at least 0 and below 100 %/h, found "
                    + Formats.number(selfDischarge * 100) + " %/h");
        }
        state(named, INITIAL, initial, capacity, peer, at);
        if (!Double.isNaN(finalAtLeast)) {
            state(named, FINAL_AT_LEAST, finalAtLeast, capacity, peer, at);
        }
        if (diagnostics.errorCount() > errors) {
            return Optional.empty();
        }
        return Optional.of(new Storage(capacity, charge, discharge, etaCharge, etaDischarge, initial,
                finalAtLeast, selfDischarge, cycleCost));
    }

    /** A constant of its dimension, the fallback when not set, or null after an error. */
    private Double value(Map<String, Property.Assignment> named, String property, Dimension dimension,
                         Double fallback, Scope scope, String peer, SourceSpan at) {
        Property.Assignment assignment = named.get(property);
        if (assignment == null) {
            if (fallback == null) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, at, "storage '" + peer + "' has no '"
                        + property + "'", "set '" + property + " = ...' in "
                        + Dimensions.describe(dimension, evaluator.currency()));
            }
            return fallback;
        }
        try {
            return evaluator.constant(assignment.value(), scope, dimension, "'" + property + "' of storage '" + peer + "'");
        } catch (EvaluationFailed e) {
            return null;
        }
    }

    private void nonNegative(Map<String, Property.Assignment> named, String property, double value,
                             Dimension dimension, String peer, SourceSpan at) {
        if (!(value >= 0)) {
            error(DiagnosticCode.STORAGE_VALUE, named, property, at, "'" + property + "' of storage '" + peer
                    + "' must not be negative, found " + Formats.quantity(value, dimension, evaluator.currency()));
        }
    }

    private void efficiency(Map<String, Property.Assignment> named, String property, double value,
                            String peer, SourceSpan at) {
        if (!(value > 0 && value <= 1)) {
            error(DiagnosticCode.STORAGE_EFFICIENCY, named, property, at, "'" + property + "' of storage '"
                    + peer + "' must be above 0 and at most 1, found " + Formats.number(value),
                    "an efficiency is the share of energy kept: 0.95 or 95 %");
        }
    }

    private void state(Map<String, Property.Assignment> named, String property, double value, double capacity,
                       String peer, SourceSpan at) {
        if (!(value >= 0 && value <= capacity)) {
            error(DiagnosticCode.STORAGE_STATE, named, property, at, "'" + property + "' of storage '" + peer
                    + "' must lie within 0 .. capacity (" + energy(capacity) + "), found " + energy(value));
        }
    }

    private String energy(double mwh) {
        return Formats.quantity(mwh, Dimension.ENERGY, evaluator.currency());
    }

    private void error(DiagnosticCode code, Map<String, Property.Assignment> named, String property,
                       SourceSpan at, String message) {
        error(code, named, property, at, message, null);
    }

    /** At the value where it is written (the peer's own or its kind's), else at the peer. */
    private void error(DiagnosticCode code, Map<String, Property.Assignment> named, String property,
                       SourceSpan at, String message, String hint) {
        Property.Assignment assignment = named.get(property);
        SourceSpan where = assignment == null ? at : assignment.value().span();
        if (hint == null) {
            diagnostics.error(code, where, message);
        } else {
            diagnostics.error(code, where, message, hint);
        }
    }
}
