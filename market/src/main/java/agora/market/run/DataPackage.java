package agora.market.run;

import agora.scenario.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code datapackage.json}: a Frictionless Data "tabular data package" describing the CSV files
 * of a run (https://specs.frictionlessdata.io/tabular-data-package/): for each file its columns
 * with their types, units and meanings, so that the outputs can be loaded and understood from
 * the folder alone. Units are a {@code unit} property of each field (the table schema allows
 * properties of one's own); money is in the scenario's currency.
 */
final class DataPackage {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DataPackage() {
    }

    static void write(OutputStream out, Scenario scenario, List<OutputTables.Table> tables,
                      PlainDecimal numbers) throws IOException {
        write(out, scenario, "agora run", tables, numbers);
    }

    /** @param command the command that wrote the tables, for the description */
    static void write(OutputStream out, Scenario scenario, String command,
                      List<OutputTables.Table> tables, PlainDecimal numbers) throws IOException {
        write(out, scenario, command, tables, numbers, OutputFormat.CSV);
    }

    /** The tables as written in {@code format}. */
    static void write(OutputStream out, Scenario scenario, String command,
                      List<OutputTables.Table> tables, PlainDecimal numbers, OutputFormat format)
            throws IOException {
        out.write((MAPPER.writeValueAsString(of(scenario, command, tables, numbers, format)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode of(Scenario scenario, List<OutputTables.Table> tables,
                         PlainDecimal numbers) {
        return of(scenario, "agora run", tables, numbers, OutputFormat.CSV);
    }

    /**
     * The package of {@code tables} as written in {@code format}: a CSV file's resource is named
     * as its table, a Parquet file's {@code <table>-parquet}; both have the same fields.
     *
     * @param command the command that wrote the tables, for the description
     */
    static ObjectNode of(Scenario scenario, String command, List<OutputTables.Table> tables,
                         PlainDecimal numbers, OutputFormat format) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", packageName(scenario.name()));
        root.put("title", "Agora results of " + scenario.name());
        root.put("description", "Market results written by " + command + "; money in "
                + scenario.currency() + ", energy = MW × Δt with Δt = "
                + scenario.time().stepHours() + " h; numbers have at most " + numbers.digits()
                + " significant digits (the precision of the solve). summary.json holds the "
                + "totals and how to repeat the run.");
        ArrayNode resources = root.putArray("resources");
        for (OutputTables.Table t : tables) {
            if (format.csv()) {
                resource(resources, scenario, t, false);
            }
            if (format.parquet()) {
                resource(resources, scenario, t, true);
            }
        }
        return root;
    }

    private static void resource(ArrayNode resources, Scenario scenario, OutputTables.Table t,
                                 boolean parquet) {
        ObjectNode r = resources.addObject();
        r.put("name", parquet ? t.name() + "-parquet" : t.name());
        r.put("path", parquet ? t.parquetFile() : t.file());
        r.put("profile", "tabular-data-resource");
        if (parquet) {
            r.put("format", "parquet");
            r.put("mediatype", "application/vnd.apache.parquet");
        } else {
            r.put("format", "csv");
            r.put("mediatype", "text/csv");
            r.put("encoding", "utf-8");
        }
        r.put("description", t.description());
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (OutputTables.Field f : t.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type());
            if (f.type().equals("datetime") && !parquet) {
                field.put("format", OutputTables.TIME_FORMAT);
            }
            if (f.unit() != null) {
                field.put("unit", f.unit().replace("{currency}", scenario.currency()));
            }
            field.put("description", f.description());
        }
        if (!parquet) {
            schema.putArray("missingValues").add("");
        }
    }

    /** A Frictionless package name: lower case letters, digits and {@code -._}. */
    static String packageName(String scenarioName) {
        String name = scenarioName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "agora-results" : name;
    }
}
