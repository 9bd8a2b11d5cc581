package agora.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.testing.KnownQps;
import agora.solver.testing.MarketLikeQp;
import agora.solver.testing.RandomConvexQp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final Origin PEER = new Origin("peer", "d1", "injection");
    private static final Origin ROW = new Origin("peer", "d1", "balance");

    private static QpModel oneVariable(double lower, double upper, double linear, double quadratic) {
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("p_d1", PEER, lower, upper, linear, quadratic);
        b.addEquality("balance_d1", ROW, new int[] {x}, new double[] {1}, 0);
        return b.build();
    }

    private static QpModel oneRow(int[] columns, double[] coefficients, double lower, double upper) {
        QpModelBuilder b = new QpModelBuilder();
        b.addVariable("p_d1", PEER, -1, 1, 0, 1);
        b.addConstraint("balance_d1", ROW, columns, coefficients, lower, upper);
        return b.build();
    }

    @Test
    void wellFormedModelsHaveNoProblems() {
        assertEquals(List.of(), ModelValidator.validate(KnownQps.twoPeerMarket()));
        assertEquals(List.of(), ModelValidator.validate(KnownQps.infeasible()));
        assertEquals(List.of(), ModelValidator.validate(new MarketLikeQp(1).step(3)));
        assertEquals(List.of(), ModelValidator.validate(RandomConvexQp.generate(5, 30, 20)));
    }

    @Test
    void eachProblemIsNamedWithItsOrigin() {
        String origin = "[peer d1 (injection)]";
        String rowOrigin = "[peer d1 (balance)]";
        List<Object[]> cases = List.of(
                new Object[] {oneVariable(Double.NaN, 1, 0, 0),
                        "variable 'p_d1' " + origin + ": bound is NaN (lower NaN, upper 1.0)"},
                new Object[] {oneVariable(2, 1, 0, 0),
                        "variable 'p_d1' " + origin + ": lower bound 2.0 > upper bound 1.0"},
                new Object[] {oneVariable(INF, INF, 0, 0),
                        "variable 'p_d1' " + origin + ": bounds [Infinity, Infinity] admit no finite value"},
                new Object[] {oneVariable(0, 1, INF, 0),
                        "variable 'p_d1' " + origin + ": linear cost is Infinity, must be finite"},
                new Object[] {oneVariable(0, 1, 0, Double.NaN),
                        "variable 'p_d1' " + origin + ": quadratic cost is NaN, must be finite"},
                new Object[] {oneVariable(0, 1, 0, -0.5),
                        "variable 'p_d1' " + origin + ": quadratic cost -0.5 < 0 makes the objective non-convex"},
                new Object[] {oneRow(new int[] {3}, new double[] {1}, 0, 0),
                        "row 'balance_d1' " + rowOrigin + ": column index 3 out of range [0, 1)"},
                new Object[] {oneRow(new int[] {0}, new double[] {Double.NaN}, 0, 0),
                        "row 'balance_d1' " + rowOrigin + ": coefficient NaN must be finite"},
                new Object[] {oneRow(new int[] {0}, new double[] {1}, 1, 0),
                        "row 'balance_d1' " + rowOrigin + ": lower bound 1.0 > upper bound 0.0"},
                new Object[] {oneRow(new int[] {0}, new double[] {1}, Double.NaN, 0),
                        "row 'balance_d1' " + rowOrigin + ": bound is NaN (lower NaN, upper 0.0)"},
                new Object[] {oneRow(new int[] {}, new double[] {}, 1, 2),
                        "row 'balance_d1' " + rowOrigin + ": has no non-zero coefficient, so its "
                                + "activity is 0, outside its bounds [1.0, 2.0]"},
                new Object[] {oneRow(new int[] {0}, new double[] {0.0}, -INF, -1),
                        "row 'balance_d1' " + rowOrigin + ": has no non-zero coefficient, so its "
                                + "activity is 0, outside its bounds [-Infinity, -1.0]"});
        for (Object[] c : cases) {
            assertEquals(List.of((String) c[1]), ModelValidator.validate((QpModel) c[0]));
        }
    }

    @Test
    void emptyRowContainingZeroIsAccepted() {
        assertEquals(List.of(), ModelValidator.validate(oneRow(new int[] {}, new double[] {}, -1, 1)));
    }

    @Test
    void infiniteConstantAndInconsistentArraysAreRejected() {
        QpModel model = KnownQps.twoPeerMarket();
        QpModel infiniteConstant = model.withStepData(model.lowerBounds(), model.upperBounds(),
                model.linearCosts(), model.quadraticCosts(), Double.NEGATIVE_INFINITY);
        assertEquals(List.of("objective constant is -Infinity, must be finite"),
                ModelValidator.validate(infiniteConstant));
        QpModel shortCosts = model.withStepData(model.lowerBounds(), model.upperBounds(),
                new double[2], model.quadraticCosts(), 0);
        assertEquals(List.of("linear costs: 2 entries, expected 4"), ModelValidator.validate(shortCosts));
    }

    @Test
    void stepRowBoundsMustKeepTheKindOfEachRow() {
        // backends cache what they derive from row kinds with the structure (an interior point's
        // slack columns); a step may shift bounds (a presolve) but not turn an equality into a range
        QpModel model = KnownQps.twoPeerMarket();
        QpModel shifted = new QpModel(model.structure(), model.lowerBounds(), model.upperBounds(),
                model.linearCosts(), model.quadraticCosts(), 0, new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertEquals(List.of(), ModelValidator.validate(shifted));
        QpModel ranged = new QpModel(model.structure(), model.lowerBounds(), model.upperBounds(),
                model.linearCosts(), model.quadraticCosts(), 0, new double[] {0, 0, -1}, new double[] {0, 0, 1});
        assertEquals(List.of("row 'reciprocity' [trade producer<->consumer (reciprocity)]: step bounds [-1.0, 1.0]"
                + " are not of the kind of the structure's [0.0, 0.0] (equality, finite or infinite sides)"),
                ModelValidator.validate(ranged));
    }

    @Test
    void allProblemsAreReportedUpToTheCap() {
        QpModelBuilder b = new QpModelBuilder();
        for (int j = 0; j < ModelValidator.MAX_PROBLEMS + 7; j++) {
            b.addVariable("x" + j, PEER, 1, 0, 0, 0);
        }
        List<String> problems = ModelValidator.validate(b.build());
        assertEquals(ModelValidator.MAX_PROBLEMS + 1, problems.size());
        assertEquals("... and 7 more problems", problems.get(ModelValidator.MAX_PROBLEMS));
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelValidator.requireValid(oneVariable(2, 1, 0, -1)));
        assertTrue(e.getMessage().contains("lower bound 2.0 > upper bound 1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("non-convex"), e.getMessage());
    }
}
