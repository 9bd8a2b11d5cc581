package agora.solver.testing;

import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import java.util.Random;

/**
 * Random feasible, bounded convex QPs with every kind of row and bound the model allows: free,
 * one-sided, boxed and fixed variables; equality, one-sided and ranged rows; some linear
 * variables. Feasibility comes from building the rows around a random point inside the bounds;
 * boundedness from giving every variable without two finite bounds a positive quadratic cost.
 */
public final class RandomConvexQp {
    private static final double INF = Double.POSITIVE_INFINITY;

    private RandomConvexQp() {
    }

    public static QpModel generate(long seed, int variables, int rows) {
        Random random = new Random(seed);
        QpModelBuilder builder = new QpModelBuilder();
        double[] point = new double[variables];
        for (int j = 0; j < variables; j++) {
            int kind = random.nextInt(5);
            double lower = kind == 0 || kind == 2 ? -INF : -1 - 4 * random.nextDouble();
            double upper = kind == 0 || kind == 1 ? INF : 1 + 4 * random.nextDouble();
            if (kind == 4 && random.nextInt(4) == 0) {
                upper = lower; // a fixed variable
            }
            boolean boxed = lower > -INF && upper < INF;
            double quadratic = boxed && random.nextInt(3) == 0 ? 0 : 0.1 + 2 * random.nextDouble();
            double linear = 10 * random.nextGaussian();
            point[j] = boxed ? lower + (upper - lower) * random.nextDouble()
                    : Math.max(lower, Math.min(upper, random.nextGaussian()));
            builder.addVariable("x" + j, new Origin("peer", "x" + j, "injection"), lower, upper,
                    linear, quadratic);
        }
        for (int i = 0; i < rows; i++) {
            int size = 2 + random.nextInt(Math.min(5, variables - 1));
            int[] columns = random.ints(0, variables).distinct().limit(size).toArray();
            double[] coefficients = new double[columns.length];
            double activity = 0;
            for (int k = 0; k < columns.length; k++) {
                coefficients[k] = random.nextBoolean() ? (random.nextBoolean() ? 1 : -1) : random.nextGaussian();
                activity += coefficients[k] * point[columns[k]];
            }
            int kind = random.nextInt(4);
            double lower = kind == 1 ? -INF : activity - (kind == 0 ? 0 : random.nextDouble());
            double upper = kind == 2 ? INF : activity + (kind == 0 ? 0 : random.nextDouble());
            builder.addConstraint("r" + i, new Origin("tariff", "r" + i, "limit"), columns,
                    coefficients, lower, upper);
        }
        builder.addConstant(random.nextGaussian());
        return builder.build();
    }
}
