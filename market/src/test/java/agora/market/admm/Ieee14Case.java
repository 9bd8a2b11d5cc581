package agora.market.admm;

import agora.market.designs.ScenarioFixture;
import agora.scenario.Clearing;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 20-peer IEEE 14-bus P2P case (11 consumers, 8 producers, a grid at bus 1) built in code
 * from the measured data files, read at run time from {@code /work/shared/data/ieee14-p2p} (or
 * the folder in system property {@code agora.ieee14}); nothing of the data is kept in the
 * repository. Absent data gives {@link Optional#empty()}.
 *
 * <p>Mapping: consumers' bounds are {@code -load_max .. -load_min} with cost {@code a p² + b p}
 * from {@code info.csv}; wind and solar producers are must-take ({@code pmin = pmax =} their
 * {@code ren.csv} column, cost 0); gas and coal dispatch on {@code [Pmin, Pmax]} at
 * {@code a p² + b p}; the grid imports at the market price + 10 and exports at the price - 10
 * $/MWh (as in the language sketch); peers with a community number form pool communities
 * {@code c1}, {@code c2}.
 */
final class Ieee14Case {
    static final Path DEFAULT_FOLDER = Path.of("/work/shared/data/ieee14-p2p");
    /** Grid spread around the market price, $/MWh. */
    static final double GRID_SPREAD = 10.0;

    private Ieee14Case() {
    }

    static Optional<Path> folder() {
        Path folder = Path.of(System.getProperty("agora.ieee14", DEFAULT_FOLDER.toString()));
        return Files.isRegularFile(folder.resolve("info.csv")) ? Optional.of(folder) : Optional.empty();
    }

    /** The first {@code steps} half-hours, as a fixture; the design is set by the caller. */
    static ScenarioFixture fixture(Path folder, int steps) throws IOException {
        List<String[]> info = rows(folder.resolve("info.csv"), 1);
        double[][] loadMax = series(folder.resolve("load_max.csv"), steps);
        double[][] loadMin = series(folder.resolve("load_min.csv"), steps);
        double[][] renewable = series(folder.resolve("ren.csv"), steps);
        double[][] price = series(folder.resolve("price.csv"), steps);
        ScenarioFixture fixture = ScenarioFixture.named("ieee14").steps(steps, java.time.Duration.ofMinutes(30));
        Map<String, List<String>> communities = new LinkedHashMap<>();
        int consumer = 0;
        int renewableColumn = 0;
        for (String[] row : info) {
            String type = row[1];
            String energy = row[2];
            String community = row[4].isBlank() ? null : "c" + row[4].trim();
            double a = Double.parseDouble(row[8]);
            double b = Double.parseDouble(row[9]);
            String name;
            if (type.equals("Consumer")) {
                name = "d" + row[0];
                double[] low = new double[steps];
                double[] high = new double[steps];
                for (int t = 0; t < steps; t++) {
                    low[t] = -loadMax[t][consumer];
                    high[t] = -loadMin[t][consumer];
                }
                consumer++;
                fixture.peer(name, PeerKind.CONSUMER, low, high, new QuadraticCost(a, b, 0));
            } else if (type.equals("Producer")) {
                name = energy.toLowerCase() + row[0];
                if (energy.equals("Wind") || energy.equals("Solar")) {
                    double[] output = new double[steps];
                    for (int t = 0; t < steps; t++) {
                        output[t] = renewable[t][renewableColumn];
                    }
                    renewableColumn++;
                    fixture.peer(name, PeerKind.PRODUCER, output, output, QuadraticCost.ZERO);
                } else {
                    fixture.peer(name, PeerKind.PRODUCER, Double.parseDouble(row[6]),
                            Double.parseDouble(row[7]), new QuadraticCost(a, b, 0));
                }
            } else {
                name = "grid";
                double[] importPrice = new double[steps];
                double[] exportPrice = new double[steps];
                for (int t = 0; t < steps; t++) {
                    importPrice[t] = price[t][0] + GRID_SPREAD;
                    exportPrice[t] = price[t][0] - GRID_SPREAD;
                }
                fixture.grid(name, importPrice, exportPrice);
            }
            if (community != null) {
                communities.computeIfAbsent(community, c -> new ArrayList<>()).add(name);
            }
        }
        communities.forEach((c, members) -> fixture.collective(c, Clearing.POOL)
                .member(c, members.toArray(String[]::new)));
        return fixture;
    }

    /** The numeric columns after the date of the first {@code steps} data rows. */
    private static double[][] series(Path file, int steps) throws IOException {
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (out.size() == steps) {
                break;
            }
            if (!line.matches("^\\d\\d/\\d\\d/\\d{4}.*")) {
                continue;
            }
            String[] cells = line.split(",");
            List<Double> values = new ArrayList<>();
            for (int i = 1; i < cells.length && !cells[i].isBlank(); i++) {
                values.add(Double.parseDouble(cells[i]));
            }
            out.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out.toArray(double[][]::new);
    }

    private static List<String[]> rows(Path file, int headerLines) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(headerLines, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
    }
}
