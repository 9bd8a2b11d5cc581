package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.scenario.SolveMode;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format parquet|both}: the Parquet files hold the same columns and the same rows as the
 * CSV files, read back with parquet-java's ordinary Hadoop reader and its native ZSTD codec (not
 * with the writer's own codec), and carry their units in their metadata.
 */
class ParquetOutputTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
            OutputTables.TIME_PATTERN);

    @TempDir
    Path tmp;

    /** Steps 0 and 1 of the hand-made pool market, step 1 infeasible (empty numbers). */
    private static RunResult communityRun() {
        MarketTree tree = AccountingFixtures.communityTree(0.5, 4);
        List<StepOutcome> outcomes = List.of(AccountingFixtures.communityOutcome(0, 39),
                Fixtures.failed(1, SolveStatus.INFEASIBLE, "balance, of c1", List.of("d", "w")));
        return new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 2), outcomes,
                0.5);
    }

    private static RunResult fullRun() {
        MarketTree tree = AccountingFixtures.fullTree();
        return new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 1),
                List.of(AccountingFixtures.fullOutcome(0)), 0.5);
    }

    private static RunSettings settings(String design) {
        return new RunSettings("hand-made.agora", List.of(design), SolveMode.CENTRALIZED, "ipm",
                SolverOptions.defaults(), new StepRange(0, 2), Map.of(), List.of("run"), "0.1.0",
                true, List.of());
    }

    @Test
    void everyParquetFileHoldsTheRowsOfItsCsvFile() throws IOException {
        for (RunResult run : List.of(communityRun(), fullRun())) {
            Path out = tmp.resolve(run.tree().design());
            RunOutput.write(out, run.tree().scenario(), settings(run.tree().design()),
                    List.of(run), OutputFormat.BOTH);
            for (String table : List.of("peers", "trades", "collectives", "steps", "lines")) {
                List<List<String>> csv = csvRows(out.resolve(table + ".csv"));
                Path parquet = out.resolve(table + ".parquet");
                MessageType schema = footer(parquet).getFileMetaData().getSchema();
                List<String> columns = schema.getFields().stream().map(Type::getName).toList();
                assertEquals(csv.get(0), columns, table + ": the same columns in the same order");
                List<List<String>> read = parquetRows(parquet, schema);
                assertEquals(csv.size() - 1, read.size(), table + ": as many rows");
                for (int r = 0; r < read.size(); r++) {
                    assertSameRow(csv.get(r + 1), read.get(r), schema, table + " row " + r);
                }
                if (List.of("peers", "trades", "steps").contains(table)) {
                    assertFalse(read.isEmpty(), table + " has rows");
                }
            }
        }
    }

    @Test
    void theFailedStepsNumbersAreNullsAndItsMessageIsKept() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings("community"), List.of(run),
                OutputFormat.PARQUET);
        Path steps = out.resolve("steps.parquet");
        MessageType schema = footer(steps).getFileMetaData().getSchema();
        List<List<String>> rows = parquetRows(steps, schema);
        int welfare = schema.getFieldIndex("welfare");
        int message = schema.getFieldIndex("message");
        int status = schema.getFieldIndex("status");
        assertEquals("INFEASIBLE", rows.get(1).get(status));
        assertNull(rows.get(1).get(welfare));
        assertTrue(rows.get(1).get(message).startsWith("balance, of c1"), rows.get(1).get(message));
        assertEquals(LogicalTypeAnnotation.timestampType(false,
                        LogicalTypeAnnotation.TimeUnit.MICROS),
                schema.getType("time").getLogicalTypeAnnotation());
    }

    @Test
    void parquetAloneWritesNoCsvAndTheDataPackageAndFilesCarryTheUnits() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings("community"), List.of(run),
                OutputFormat.PARQUET);
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".csv")));
        }
        JsonNode pkg = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        List<String> paths = new ArrayList<>();
        for (JsonNode resource : pkg.get("resources")) {
            paths.add(resource.get("path").asText());
            assertEquals("parquet", resource.get("format").asText());
        }
        assertEquals(List.of("peers.parquet", "trades.parquet", "collectives.parquet",
                "steps.parquet", "lines.parquet"), paths);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("parquet", summary.get("options").get("format").asText());
        assertTrue(summary.get("files").has("trades.parquet"));

        ParquetMetadata peers = footer(out.resolve("peers.parquet"));
        assertEquals(CompressionCodecName.ZSTD,
                peers.getBlocks().get(0).getColumns().get(0).getCodec());
        JsonNode fields = new ObjectMapper().readTree(peers.getFileMetaData()
                .getKeyValueMetaData().get(ParquetTable.FIELDS_KEY));
        JsonNode described = pkg.get("resources").get(0).get("schema").get("fields");
        assertEquals(described.size(), fields.size());
        for (int i = 0; i < fields.size(); i++) {
            assertEquals(described.get(i).get("name"), fields.get(i).get("name"));
            assertEquals(described.get(i).path("unit"), fields.get(i).path("unit"));
        }
        assertEquals("MW", fields.get(4).get("unit").asText());
        assertEquals("$", fields.get(6).get("unit").asText());
    }

    private static void assertSameRow(List<String> csv, List<String> parquet, MessageType schema,
                                      String where) {
        assertEquals(csv.size(), parquet.size(), where);
        for (int c = 0; c < csv.size(); c++) {
            String text = csv.get(c);
            String value = parquet.get(c);
            String at = where + ", " + schema.getFieldName(c);
            if (text.isEmpty()) {
                assertNull(value, at);
            } else if (schema.getType(c).asPrimitiveType().getPrimitiveTypeName()
                    == PrimitiveType.PrimitiveTypeName.DOUBLE) {
                assertEquals(Double.parseDouble(text), Double.parseDouble(value), 0, at);
            } else {
                assertEquals(text, value, at);
            }
        }
    }

    private static ParquetMetadata footer(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                        new Configuration()))) {
            return reader.getFooter();
        }
    }

    /** Every row as text: strings and integers as they are, times as in the CSV, null for none. */
    private static List<List<String>> parquetRows(Path file, MessageType schema)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                new org.apache.hadoop.fs.Path(file.toUri())).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < schema.getFieldCount(); c++) {
                    row.add(g.getFieldRepetitionCount(c) == 0 ? null : text(g, c, schema));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Group g, int c, MessageType schema) {
        PrimitiveType type = schema.getType(c).asPrimitiveType();
        return switch (type.getPrimitiveTypeName()) {
            case BINARY -> g.getString(c, 0);
            case DOUBLE -> Double.toString(g.getDouble(c, 0));
            case INT64 -> type.getLogicalTypeAnnotation() == null ? Long.toString(g.getLong(c, 0))
                    : TIME.format(LocalDateTime.ofInstant(
                            Instant.EPOCH.plusNanos(g.getLong(c, 0) * 1000), ZoneOffset.UTC));
            default -> throw new AssertionError("unexpected column type " + type);
        };
    }

    /** The rows of a CSV file as Agora writes it (quoted fields with doubled quotes). */
    private static List<List<String>> csvRows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(ch);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }
}
