package agora.solver.ojalgo;

import agora.solver.SolverBackend;
import agora.solver.testing.AbstractSolverBackendTest;

/** The shared known-answer suite on ojAlgo's own convex solver. */
class OjAlgoBackendTest extends AbstractSolverBackendTest {
    private static final SolverBackend BACKEND = new OjAlgoBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }

    @Override
    protected double accuracy() {
        return 1e-6;
    }

    @Override
    protected double kktTolerance() {
        return 1e-7;
    }
}
