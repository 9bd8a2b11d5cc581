package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.CollectiveFee;
import agora.scenario.Tariffs;
import agora.syntax.Identifier;
import agora.syntax.Statement;
import agora.syntax.TariffItem;
import agora.units.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code tariff} blocks: γ, fees between collectives and the network charge. */
final class TariffCompiler {
    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private final Scope scope;
    private final Set<String> collectives;
    private final Set<String> peers;

    TariffCompiler(Diagnostics diagnostics, Evaluator evaluator, Scope scope, Set<String> collectives,
                   Set<String> peers) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
        this.scope = scope;
        this.collectives = collectives;
        this.peers = peers;
    }

    Tariffs compile(List<Statement.Tariff> blocks) {
        double tradeFee = 0;
        SourceSpan tradeFeeAt = null;
        double networkCharge = 0;
        SourceSpan networkChargeAt = null;
        Tariffs.DistanceMetric metric = Tariffs.DistanceMetric.HOPS;
        List<CollectiveFee> fees = new ArrayList<>();
        for (Statement.Tariff block : blocks) {
            for (TariffItem item : block.items()) {
                if (item instanceof TariffItem.TradeFee f) {
                    if (once(tradeFeeAt, f.span(), "the fee on every trade")) {
                        tradeFeeAt = f.span();
                        tradeFee = fee(f.value(), "the fee on every trade");
                    }
                } else if (item instanceof TariffItem.NetworkCharge n) {
                    if (once(networkChargeAt, n.span(), "the network charge")) {
                        networkChargeAt = n.span();
                        networkCharge = fee(n.value(), "the network charge");
                        metric = switch (n.metric()) {
                            case HOP -> Tariffs.DistanceMetric.HOPS;
                            case REACTANCE -> Tariffs.DistanceMetric.REACTANCE;
                            case IMPEDANCE -> Tariffs.DistanceMetric.IMPEDANCE;
                        };
                    }
                } else {
                    collectiveFee((TariffItem.CollectiveFee) item, fees);
                }
            }
        }
        return new Tariffs(tradeFee, List.copyOf(fees), networkCharge, metric);
    }

    private boolean once(SourceSpan earlier, SourceSpan at, String what) {
        if (earlier != null) {
            diagnostics.error(DiagnosticCode.DUPLICATE_NAME, at, what + " is set twice", "first set at " + earlier);
            return false;
        }
        return true;
    }

    private void collectiveFee(TariffItem.CollectiveFee f, List<CollectiveFee> fees) {
        boolean ok = isCollective(f.first()) & isCollective(f.second());
        if (!ok) {
            return;
        }
        if (f.first().text().equals(f.second().text())) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, f.second().span(),
                    "a fee between collectives needs two different collectives",
                    "γ ('fee every trade') already applies inside a collective");
            return;
        }
        for (CollectiveFee earlier : fees) {
            if (earlier.connects(f.first().text(), f.second().text())) {
                diagnostics.error(DiagnosticCode.DUPLICATE_NAME, f.span(), "the fee between '"
                        + f.first().text() + "' and '" + f.second().text() + "' is set twice",
                        "first set at " + earlier.span());
                return;
            }
        }
        double value = fee(f.value(), "a fee");
        if (!Double.isNaN(value)) {
            fees.add(new CollectiveFee(f.span(), f.first().text(), f.second().text(), value));
        }
    }

    private boolean isCollective(Identifier name) {
        if (collectives.contains(name.text())) {
            return true;
        }
        String message = peers.contains(name.text()) ? "'" + name.text() + "' is a peer, not a collective"
                : "undefined collective '" + name.text() + "'";
        diagnostics.error(DiagnosticCode.UNDEFINED_NAME, name.span(), message, Names.hint(name.text(), collectives));
        return false;
    }

    /** A non-negative constant price; NaN after reporting a problem. */
    private double fee(agora.syntax.Expr e, String what) {
        try {
            double v = evaluator.constant(e, scope, Dimension.PRICE, what);
            if (v < 0) {
                diagnostics.error(DiagnosticCode.NEGATIVE_FEE, e.span(), what + " cannot be negative, found "
                        + Formats.quantity(v, Dimension.PRICE, evaluator.currency()));
                return Double.NaN;
            }
            return Magnitudes.snap(v);
        } catch (EvaluationFailed failed) {
            return Double.NaN;
        }
    }
}
