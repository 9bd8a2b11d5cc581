package agora.solver.ojalgo;

import agora.solver.QpModel;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Decides whether a model's rows and bounds admit any point, with ojAlgo's simplex (an LP with a
 * zero objective). Used after an iterative method failed, to tell an infeasible model from an
 * unbounded one: by the {@code ojalgo} backend after ojAlgo's ADMM, and by the {@code ipm}
 * backend after its interior point diverged. Speed does not matter there.
 */
public final class SimplexFeasibility {
    private SimplexFeasibility() {
    }

    /** True when ojAlgo's simplex proves the rows and bounds infeasible. */
    public static boolean isInfeasible(QpModel model) {
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable[] variables = new Variable[model.variableCount()];
        for (int j = 0; j < variables.length; j++) {
            variables[j] = lp.newVariable("x" + j);
            if (model.lower(j) != Double.NEGATIVE_INFINITY) {
                variables[j].lower(model.lower(j));
            }
            if (model.upper(j) != Double.POSITIVE_INFINITY) {
                variables[j].upper(model.upper(j));
            }
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            Expression row = lp.newExpression("r" + i);
            model.forEachInRow(i, (column, coefficient) -> row.add(variables[column], coefficient));
            if (model.rowLower(i) != Double.NEGATIVE_INFINITY) {
                row.lower(model.rowLower(i));
            }
            if (model.rowUpper(i) != Double.POSITIVE_INFINITY) {
                row.upper(model.rowUpper(i));
            }
        }
        Optimisation.Result result = lp.minimise();
        return result.getState() == Optimisation.State.INFEASIBLE;
    }
}
