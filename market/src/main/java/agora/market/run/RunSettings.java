package agora.market.run;

import agora.scenario.SolveMode;
import agora.solver.SolverOptions;
import java.util.List;
import java.util.Map;

/**
 * Everything that decided a run, written into {@code summary.json} so the run can be repeated.
 *
 * @param scenarioFile the scenario file as given
 * @param designs      the designs run, in order
 * @param backend      the backend of centralized solves
 * @param params       the scenario parameters' final values (after {@code --set})
 * @param arguments    the command line as given (after the program name)
 * @param toolVersion  Agora's version
 * @param allTrades    every trade is written, also those smaller than the tolerance
 * @param inputs       every file the run read (scenario, imports, CSV profiles), as read
 */
public record RunSettings(String scenarioFile, List<String> designs, SolveMode solve,
                          String backend, SolverOptions options, StepRange range,
                          Map<String, String> params, List<String> arguments,
                          String toolVersion, boolean allTrades, List<InputFile> inputs) {

    /** Settings of a run that leaves out trades smaller than the tolerance. */
    public RunSettings(String scenarioFile, List<String> designs, SolveMode solve,
                       String backend, SolverOptions options, StepRange range,
                       Map<String, String> params, List<String> arguments, String toolVersion) {
        this(scenarioFile, designs, solve, backend, options, range, params, arguments,
                toolVersion, false, List.of());
    }

    public RunSettings {
        designs = List.copyOf(designs);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        arguments = List.copyOf(arguments);
        inputs = List.copyOf(inputs);
    }
}
