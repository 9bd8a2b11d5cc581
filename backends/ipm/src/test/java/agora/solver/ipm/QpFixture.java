package agora.solver.ipm;

import agora.solver.Origin;
import agora.solver.QpModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link QpModel} dumped as text, one array a line: the array's name, then its values
 * separated by spaces ({@code lower upper linear quadratic constant rowStart columnIndex
 * coefficient rowLower rowUpper variableNames constraintNames}; infinities as Java prints them,
 * {@code Infinity}); lines starting with {@code #} are comments. Doubles are written with
 * {@link Double#toString}, so the model is read back bit for bit.
 */
final class QpFixture {
    private QpFixture() {
    }

    static QpModel load(String resource) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        try (InputStream in = QpFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split(" ");
                lines.put(words[0], Arrays.copyOfRange(words, 1, words.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> variableNames = List.of(lines.get("variableNames"));
        List<String> constraintNames = List.of(lines.get("constraintNames"));
        QpModel.Structure structure = new QpModel.Structure(variableNames,
                variableNames.stream().map(name -> new Origin("variable", name, "fixture")).toList(),
                constraintNames,
                constraintNames.stream().map(name -> new Origin("constraint", name, "fixture")).toList(),
                integers(lines.get("rowStart")), integers(lines.get("columnIndex")),
                doubles(lines.get("coefficient")), doubles(lines.get("rowLower")), doubles(lines.get("rowUpper")));
        return new QpModel(structure, doubles(lines.get("lower")), doubles(lines.get("upper")),
                doubles(lines.get("linear")), doubles(lines.get("quadratic")),
                Double.parseDouble(lines.get("constant")[0]));
    }

    private static double[] doubles(String[] words) {
        return Arrays.stream(words).mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] integers(String[] words) {
        return Arrays.stream(words).mapToInt(Integer::parseInt).toArray();
    }
}
