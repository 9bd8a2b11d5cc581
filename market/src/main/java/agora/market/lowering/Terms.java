package agora.market.lowering;

import java.util.Arrays;

/**
 * A signed sum of model variables standing for one quantity of the market, for example a trade
 * {@code P_ab = s - u} split into a sale and a purchase part so that {@code |P_ab|} can be priced.
 *
 * @param columns      variable indices
 * @param coefficients their signs (+1 or -1)
 */
record Terms(int[] columns, double[] coefficients) {

    static Terms of(int column) {
        return new Terms(new int[] {column}, new double[] {1.0});
    }

    static Terms difference(int plus, int minus) {
        return new Terms(new int[] {plus, minus}, new double[] {1.0, -1.0});
    }

    Terms negated() {
        double[] flipped = Arrays.stream(coefficients).map(c -> -c).toArray();
        return new Terms(columns, flipped);
    }

    double value(double[] x) {
        double sum = 0.0;
        for (int k = 0; k < columns.length; k++) {
            sum += coefficients[k] * x[columns[k]];
        }
        return sum;
    }
}
