package agora.solver.ortools;

import agora.solver.QpModel;

/**
 * The units a model is handed to PDLP in: {@code x = power * x'} and {@code f = cost * f'}.
 *
 * <p>PDLP equilibrates the constraint matrix (Ruiz and l2 rescaling) but leaves the magnitudes of
 * bounds and costs alone, and its step sizes, primal weight and absolute tolerances assume they
 * are of order one. Market models are not: a street community has kW-sized peers (1e-3 MW) with
 * prices near 100 $/MWh and quadratic costs of 2000 $/MW²h, and PDLP ended those in numerical
 * errors or ran to the time limit. In scaled units the largest finite bound is about 1 and the
 * largest marginal cost over the bounds about 1, so primal values and duals (prices divided by
 * {@link #price()}) are both of order one.
 *
 * <p>Both factors are powers of two, so scaling and unscaling are exact in floating point, and a
 * year of steps meets only a few distinct scalings (PDLP's parameter texts are cached per
 * scaling).
 *
 * @param power MW per scaled unit of every variable (and of every row bound; coefficients are
 *              unchanged)
 * @param cost  objective units ($/h) per scaled unit of the objective
 */
record Scaling(double power, double cost) {
    /** Keeps the factors (and their product and quotient) far from overflow and underflow. */
    private static final int MAX_EXPONENT = 200;

    static final Scaling NONE = new Scaling(1.0, 1.0);

    /**
     * power: the largest finite |bound| of a variable or row. cost: power times the largest
     * marginal cost |c_j| + 2 q_j m_j any variable reaches on its bounds, where m_j is its largest
     * finite |bound| (power if it has none).
     */
    static Scaling of(QpModel model) {
        double largestBound = 0.0;
        for (int j = 0; j < model.variableCount(); j++) {
            largestBound = Math.max(largestBound, finiteMagnitude(model.lower(j), model.upper(j)));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            largestBound = Math.max(largestBound, finiteMagnitude(model.rowLower(i), model.rowUpper(i)));
        }
        double power = powerOfTwo(largestBound);
        double marginalCost = 0.0;
        for (int j = 0; j < model.variableCount(); j++) {
            double magnitude = finiteMagnitude(model.lower(j), model.upper(j));
            double reach = magnitude > 0.0 ? magnitude : power;
            marginalCost = Math.max(marginalCost, Math.abs(model.linear(j)) + 2.0 * Math.abs(model.quadratic(j)) * reach);
        }
        return new Scaling(power, powerOfTwo(power * marginalCost));
    }

    /** $/MWh per scaled unit of a dual: {@code y = price * y'} (d f / d rhs = (cost / power) d f' / d rhs'). */
    double price() {
        return cost / power;
    }

    /** The largest finite one of |lower| and |upper|, 0 if neither is finite. */
    private static double finiteMagnitude(double lower, double upper) {
        double magnitude = 0.0;
        if (Double.isFinite(lower)) {
            magnitude = Math.abs(lower);
        }
        if (Double.isFinite(upper)) {
            magnitude = Math.max(magnitude, Math.abs(upper));
        }
        return magnitude;
    }

    /** The power of two at or below {@code value}; 1 for 0 or a value that is not finite. */
    static double powerOfTwo(double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            return 1.0;
        }
        int exponent = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, Math.getExponent(value)));
        return Math.scalb(1.0, exponent);
    }
}
