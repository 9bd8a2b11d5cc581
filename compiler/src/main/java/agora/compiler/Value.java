package agora.compiler;

import agora.units.Dimension;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** What an expression evaluates to, in canonical units. */
sealed interface Value permits Value.Num, Value.Text, Value.Bool, Value.Poly {

    /** How messages name the kind of value: "a power (MW)", "a string", ... */
    String describe(String currency);

    /**
     * A number with a dimension: a constant, or one value per time step (a profile).
     *
     * @param series null for a constant; else exactly one value per step of the horizon
     */
    record Num(Dimension dimension, double constant, double[] series) implements Value {

        static Num constant(double value, Dimension dimension) {
            return new Num(dimension, value, null);
        }

        static Num series(double[] values, Dimension dimension) {
            return new Num(dimension, Double.NaN, values);
        }

        boolean isConstant() {
            return series == null;
        }

        double at(int step) {
            return series == null ? constant : series[step];
        }

        /** One value per step of a horizon of {@code steps}. */
        double[] values(int steps) {
            if (series != null) {
                return series;
            }
            double[] out = new double[steps];
            Arrays.fill(out, constant);
            return out;
        }

        Num map(DoubleUnaryOperator f, Dimension result) {
            if (series == null) {
                return constant(f.applyAsDouble(constant), result);
            }
            double[] out = new double[series.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = f.applyAsDouble(series[i]);
            }
            return series(out, result);
        }

        /** Element-wise with another number, a constant standing for every step. */
        Num combine(Num other, DoubleBinaryOperator f, Dimension result) {
            if (series == null && other.series == null) {
                return constant(f.applyAsDouble(constant, other.constant), result);
            }
            int n = series != null ? series.length : other.series.length;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(at(i), other.at(i));
            }
            return series(out, result);
        }

        @Override
        public String describe(String currency) {
            String kind = isConstant() ? "" : "profile of ";
            return dimension.isNone() ? (isConstant() ? "a plain number" : "a profile of plain numbers")
                    : Dimensions.article(kind + Dimensions.name(dimension)) + " (" + dimension.format(currency) + ")";
        }
    }

    record Text(String value) implements Value {
        @Override
        public String describe(String currency) {
            return "a string";
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String describe(String currency) {
            return "a comparison";
        }
    }

    /**
     * A polynomial in the cost variable p (MW) with constant coefficients: {@code coefficients[k]}
     * multiplies p^k. Every term has the dimension {@code dimension} (a cost rate, when right).
     */
    record Poly(Dimension dimension, double[] coefficients) implements Value {

        static Poly variable() {
            return new Poly(Dimension.POWER, new double[] {0, 1});
        }

        int degree() {
            int d = coefficients.length - 1;
            while (d > 0 && coefficients[d] == 0) {
                d--;
            }
            return d;
        }

        double coefficient(int power) {
            return power < coefficients.length ? coefficients[power] : 0;
        }

        /** The dimension of the coefficient of p^power. */
        Dimension coefficientDimension(int power) {
            return dimension.dividedBy(Dimension.POWER.pow(power));
        }

        @Override
        public String describe(String currency) {
            return "an expression in p";
        }
    }
}
