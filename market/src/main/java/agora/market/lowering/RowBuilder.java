package agora.market.lowering;

import java.util.ArrayList;
import java.util.List;

/** Collects the entries of one constraint row from several {@link Terms}. */
final class RowBuilder {
    private final List<Integer> columns = new ArrayList<>();
    private final List<Double> coefficients = new ArrayList<>();

    RowBuilder add(Terms terms, double sign) {
        for (int k = 0; k < terms.columns().length; k++) {
            columns.add(terms.columns()[k]);
            coefficients.add(sign * terms.coefficients()[k]);
        }
        return this;
    }

    int[] columns() {
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    double[] coefficients() {
        return coefficients.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
