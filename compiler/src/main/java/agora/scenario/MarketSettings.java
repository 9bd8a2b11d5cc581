package agora.scenario;

import agora.solver.SolverOptions;

/**
 * The market block, after command-line overrides.
 *
 * @param design  {@code full}, {@code community}, {@code hybrid}, {@code all} (CLI only) or the
 *                name of a plugged-in design; checked against the registered designs later
 * @param backend {@code ipm}, {@code ojalgo}, {@code ortools} or a plugged-in backend name
 */
public record MarketSettings(String design, SolveMode solve, String backend, SolverOptions options) {
}
