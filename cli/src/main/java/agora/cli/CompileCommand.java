package agora.cli;

import agora.emit.DesignView;
import agora.emit.ScenarioDocument;
import agora.market.MarketDesign;
import agora.topology.Topology;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agora compile}: the compiled scenario and its topology as JSON or YAML, or the collective
 * tree and trading graph of one design as Graphviz DOT.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile a scenario and emit it: json or yaml (peers, collectives, tariffs, "
                + "network, market, topology and trading links per design) or dot (collective "
                + "tree and trading graph of one design).",
                "Exit status: 0 fine, 1 errors (printed on stderr), 2 usage, 3 internal."})
final class CompileCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    @Option(names = "--emit", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default), yaml or dot")
    String emit;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write here instead of standard output")
    Path output;

    @Option(names = "--profiles", description = "write every value of every profile")
    boolean profiles;

    @Option(names = "--design", paramLabel = "NAME",
            description = "the design drawn by --emit dot; default: the scenario's")
    String design;

    CompileCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (!List.of("json", "yaml", "dot").contains(emit)) {
            throw new UsageError("unknown --emit format '" + emit + "'; expected json, yaml or dot");
        }
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario,
                Choices.names(registries, design == null, false));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Topology topology = Topology.of(l.scenario());
        String text = emit.equals("dot") ? dot(l, topology, registries)
                : document(topology, registries);
        write(text);
        return ExitCodes.OK;
    }

    private String document(Topology topology, Registries registries) throws JsonProcessingException {
        List<DesignView> views = registries.designs().all().stream()
                .map(d -> DesignViews.of(d, topology)).toList();
        ScenarioDocument document = new ScenarioDocument(topology, views, profiles);
        return emit.equals("json") ? document.json() : document.yaml();
    }

    private String dot(Loaded l, Topology topology, Registries registries) {
        List<MarketDesign> designs = Choices.designs(design, l, registries);
        if (designs.size() != 1) {
            throw new UsageError("--emit dot draws one design; choose it with --design NAME");
        }
        MarketDesign d = designs.get(0);
        return DotEmitter.dot(topology, DesignViews.of(Choices.lower(d, topology, l),
                d.description()));
    }

    /** To standard output, or to the file all at once (a temporary file renamed into place). */
    private void write(String text) {
        if (output == null) {
            ctx.out().print(text);
            ctx.out().flush();
            return;
        }
        AtomicFile.write(output, text, CompileCommand::isEarlierOutput,
                "an earlier output of 'agora compile'");
    }

    /** How each format's output begins: JSON and YAML with the scenario's name, DOT a graph. */
    static final List<String> OUTPUT_BEGINNINGS = List.of("{\n  \"scenario\" : ", "scenario: ",
            "digraph G {", "strict digraph G {");

    /** True when the file begins like one of this command's outputs (in any format). */
    static boolean isEarlierOutput(Path file) {
        String head = AtomicFile.head(file, 32);
        return OUTPUT_BEGINNINGS.stream().anyMatch(head::startsWith);
    }
}
