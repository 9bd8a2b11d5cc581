package agora.solver.ortools;

import agora.solver.SolverBackend;
import agora.solver.testing.AbstractSolverBackendTest;

class OrToolsBackendTest extends AbstractSolverBackendTest {
    private static final SolverBackend BACKEND = new OrToolsBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }

    @Override
    protected double accuracy() {
        return 1e-5;
    }

    @Override
    protected double kktTolerance() {
        return 1e-5;
    }
}
