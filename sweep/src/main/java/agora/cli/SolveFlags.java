package agora.cli;

import java.io.Serializable;

/** The flags of {@link SolveArgs}, sent to the executors so that each applies them as run does. */
record SolveFlags(String backend, String solve, Double tolerance, Double timeLimit,
                  Integer threads, Double rho, Integer iterations) implements Serializable {

    static SolveFlags of(SolveArgs a) {
        return new SolveFlags(a.backend, a.solve, a.tolerance, a.timeLimit, a.threads, a.rho,
                a.iterations);
    }

    SolveArgs args() {
        SolveArgs a = new SolveArgs();
        a.backend = backend;
        a.solve = solve;
        a.tolerance = tolerance;
        a.timeLimit = timeLimit;
        a.threads = threads;
        a.rho = rho;
        a.iterations = iterations;
        return a;
    }
}
