package agora.stdlib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A generator's arguments with its defaults filled in and ranges checked. */
final class Arguments {
    /** Seeds are doubles in scenarios; beyond 2^53 they would no longer be whole numbers. */
    private static final double MAX_EXACT_SEED = 9.007199254740992E15;

    private final String generator;
    private final Map<String, Double> values = new LinkedHashMap<>();

    Arguments(String generator, List<ProfileGenerator.Parameter> parameters, Map<String, Double> given) {
        this.generator = generator;
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(generator + " has no parameter '" + name + "'");
            }
        }
        for (ProfileGenerator.Parameter p : parameters) {
            Double value = given.get(p.name());
            double v = value == null ? p.defaultValue() : value;
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(value == null
                        ? generator + " needs the parameter '" + p.name() + "'"
                        : generator + ": '" + p.name() + "' is not a number");
            }
            values.put(p.name(), v);
        }
    }

    double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(generator + " reads undeclared parameter " + name);
        }
        return v;
    }

    /** The value, required to lie in [min, max]. */
    double inRange(String name, double min, double max) {
        double v = get(name);
        if (!(v >= min && v <= max)) {
            String range = max == Double.MAX_VALUE ? "must not be negative"
                    : "must lie between " + text(min) + " and " + text(max);
            throw new IllegalArgumentException(generator + ": '" + name + "' " + range + ", not " + text(v));
        }
        return v;
    }

    double finite(String name) {
        double v = get(name);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(generator + ": '" + name + "' must be a finite number, not " + v);
        }
        return v;
    }

    double nonNegative(String name) {
        return inRange(name, 0, Double.MAX_VALUE);
    }

    double positive(String name) {
        double v = get(name);
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(generator + ": '" + name + "' must be positive, not " + text(v));
        }
        return v;
    }

    /** {@code 1} rather than {@code 1.0}, for messages. */
    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The {@code seed} argument as a whole number. */
    long seed() {
        double v = get("seed");
        if (v != Math.rint(v) || Math.abs(v) > MAX_EXACT_SEED) {
            throw new IllegalArgumentException(generator + ": 'seed' must be a whole number, not " + text(v));
        }
        return (long) v;
    }
}
