package agora.cli;

import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.run.DesignReport;
import agora.market.run.OutputTables;
import agora.market.run.StepRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The tidy tables of a sweep, computed from the reports in memory (never from another command's
 * files): {@code sweep.csv}, one row per variant and design with the figures of the paper's Tables 4
 * and 5 and how the steps were solved, and {@code seeds.csv}, per varied values and design the
 * mean and the 5th and 95th percentiles of each figure over the seed runs.
 */
final class SweepTable {
    /** Percentiles of {@code seeds.csv}. */
    static final double LOW = 0.05;
    static final double HIGH = 0.95;

    /** The figures of Tables 4 and 5: money in the scenario's currency, energy in MWh. */
    static final Map<String, ToDoubleFunction<DesignTotals>> FIGURES = figures();

    /** The per-step table's file ({@code --per-step}). */
    static final String STEPS_FILE = "steps.csv";

    private SweepTable() {
    }

    /**
     * The per-step table: {@code variant}, one column per varied parameter, {@code seed} (with
     * {@code --seeds}), then the columns of {@code agora run}'s {@code steps.csv}.
     */
    static OutputTables.Table stepsTable(List<String> varied, boolean seeds) {
        List<OutputTables.Field> leading = new ArrayList<>(List.of(new OutputTables.Field("variant",
                "integer", null, "the variant's number, as in sweep.csv")));
        varied.forEach(name -> leading.add(new OutputTables.Field(name, "string", null,
                "the varied parameter's value in the variant, as given to --vary")));
        if (seeds) {
            leading.add(new OutputTables.Field("seed", "integer", null, "the seed run (--seeds)"));
        }
        return StepRows.withLeading(STEPS_FILE, "each step of each design of each variant: its "
                + "status and totals, as agora run's steps.csv; a step that did not solve keeps "
                + "its status and message, its numbers are empty", leading);
    }

    /** The values of {@link #stepsTable}'s leading columns for {@code v}. */
    static List<String> leadingValues(Variant v) {
        List<String> out = new ArrayList<>(List.of(Integer.toString(v.index())));
        out.addAll(v.values().values());
        if (v.seedRun() > 0) {
            out.add(Integer.toString(v.seedRun()));
        }
        return out;
    }

    private static Map<String, ToDoubleFunction<DesignTotals>> figures() {
        Map<String, ToDoubleFunction<DesignTotals>> f = new LinkedHashMap<>();
        f.put("welfare", DesignTotals::welfare);
        f.put("import_cost", DesignTotals::importCost);
        f.put("export_revenue", DesignTotals::exportRevenue);
        f.put("load_mwh", DesignTotals::load);
        f.put("grid_import_mwh", DesignTotals::gridImport);
        f.put("grid_export_mwh", DesignTotals::gridExport);
        f.put("exchange_mwh", DesignTotals::exchange);
        f.put("fees", DesignTotals::fees);
        f.put("congestion_rent", DesignTotals::congestionRent);
        return f;
    }

    /** {@code sweep.csv}. */
    static String sweepCsv(List<String> varied, boolean seeds, List<SweepResults.VariantResult> results) {
        List<String> header = new ArrayList<>(List.of("variant"));
        header.addAll(varied);
        if (seeds) {
            header.add("seed");
        }
        header.addAll(List.of("design", "steps", "optimal_steps", "failed_steps"));
        header.addAll(FIGURES.keySet());
        header.addAll(List.of("max_imbalance", "solver", "task_seconds", "step_seconds",
                "iterations_median", "iterations_p95", "iterations_max"));
        StringBuilder out = new StringBuilder(row(header));
        for (SweepResults.VariantResult r : results) {
            for (DesignReport d : r.reports()) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(r.variant().index())));
                varied.forEach(name -> cells.add(r.variant().values().get(name)));
                if (seeds) {
                    cells.add(Integer.toString(r.variant().seedRun()));
                }
                DesignTotals t = d.totals();
                SolveSummary s = d.solve();
                cells.addAll(List.of(d.design(), Integer.toString(t.steps()),
                        Integer.toString(t.optimalSteps()), Integer.toString(t.failedSteps())));
                FIGURES.values().forEach(f -> cells.add(Double.toString(f.applyAsDouble(t))));
                cells.addAll(List.of(Double.toString(t.maxImbalance()), s.solver(),
                        Double.toString(s.wallSeconds()), Double.toString(s.stepSeconds()),
                        Long.toString(s.iterationsMedian()), Long.toString(s.iterationsP95()),
                        Long.toString(s.iterationsMax())));
                out.append(row(cells));
            }
        }
        return out.toString();
    }

    /**
     * {@code seeds.csv}: for each combination of the varied values and each design, over its seed
     * runs, each figure's mean and percentiles ({@link #percentile}).
     */
    static String seedsCsv(List<String> varied, List<SweepResults.VariantResult> results) {
        Map<String, List<SweepResults.VariantResult>> groups = new LinkedHashMap<>();
        for (SweepResults.VariantResult r : results) {
            groups.computeIfAbsent(r.variant().values().toString(), k -> new ArrayList<>()).add(r);
        }
        List<String> header = new ArrayList<>(varied);
        header.addAll(List.of("design", "figure", "runs", "mean", "p5", "p95"));
        StringBuilder out = new StringBuilder(row(header));
        for (List<SweepResults.VariantResult> group : groups.values()) {
            Variant first = group.get(0).variant();
            for (int d = 0; d < group.get(0).reports().size(); d++) {
                String design = group.get(0).reports().get(d).design();
                for (Map.Entry<String, ToDoubleFunction<DesignTotals>> f : FIGURES.entrySet()) {
                    int designIndex = d;
                    double[] values = group.stream().mapToDouble(r ->
                            f.getValue().applyAsDouble(r.reports().get(designIndex).totals())).toArray();
                    List<String> cells = new ArrayList<>();
                    varied.forEach(name -> cells.add(first.values().get(name)));
                    cells.addAll(List.of(design, f.getKey(), Integer.toString(values.length),
                            Double.toString(mean(values)), Double.toString(percentile(values, LOW)),
                            Double.toString(percentile(values, HIGH))));
                    out.append(row(cells));
                }
            }
        }
        return out.toString();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * The {@code q} quantile, interpolated linearly between the two nearest order statistics:
     * with the values sorted as x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1) q, it is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋)
     * (Hyndman and Fan's type 7, the default of R and NumPy).
     */
    static double percentile(double[] values, double q) {
        double[] x = values.clone();
        Arrays.sort(x);
        double h = (x.length - 1) * q;
        int low = (int) Math.floor(h);
        int high = Math.min(x.length - 1, low + 1);
        return x[low] + (h - low) * (x[high] - x[low]);
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append('\n').toString();
    }

    private static String cell(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
