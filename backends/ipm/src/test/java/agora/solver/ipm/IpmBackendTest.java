package agora.solver.ipm;

import agora.solver.SolverBackend;
import agora.solver.testing.AbstractSolverBackendTest;

class IpmBackendTest extends AbstractSolverBackendTest {
    private static final SolverBackend BACKEND = new IpmBackend();

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
