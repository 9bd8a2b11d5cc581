package agora.cli;

import agora.market.results.DesignTotals;
import agora.market.results.DisplayUnits;
import agora.market.results.SiblingExchange;
import agora.market.results.SolveSummary;
import agora.market.results.StorageTotals;
import agora.market.run.DesignReport;
import agora.market.run.SummaryJson;
import agora.units.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The results of a run in the shape of the paper's Tables 4 and 5: one row per design, money and
 * energies in units chosen from their magnitudes ({@link DisplayUnits}): M$ and GWh for the IEEE
 * 14-bus year as in the paper, $ and kWh for a street's day.
 */
final class ResultsTable {
    /** Significant digits of a step length in hours. */
    private static final int STEP_DIGITS = 6;

    private ResultsTable() {
    }

    static String render(List<DesignReport> reports, String currency, double stepHours) {
        DisplayUnits units = DisplayUnits.of(currency,
                reports.stream().map(DesignReport::totals).toArray(DesignTotals[]::new));
        String money = "[" + units.money() + "]";
        String energy = "[" + units.energy() + "]";
        double perCurrency = units.perCurrency();
        double perMwh = units.perMwh();
        List<Column> columns = List.of(
                new Column("Total SW " + money, t -> t.welfare() * perCurrency),
                new Column("Import cost " + money, t -> t.importCost() * perCurrency),
                new Column("Export revenue " + money, t -> t.exportRevenue() * perCurrency),
                new Column("Total load " + energy, t -> t.load() * perMwh),
                new Column("Total import " + energy, t -> t.gridImport() * perMwh),
                new Column("Total export " + energy, t -> t.gridExport() * perMwh),
                new Column("Exchange between collectives " + energy, t -> t.exchange() * perMwh));
        List<String> header = new ArrayList<>(List.of("Design"));
        columns.forEach(c -> header.add(c.title()));
        TextTable table = new TextTable(header);
        int[] decimals = columns.stream().mapToInt(c -> decimals(reports, c.value())).toArray();
        for (DesignReport r : reports) {
            List<String> cells = new ArrayList<>(List.of(r.design()));
            for (int c = 0; c < columns.size(); c++) {
                cells.add(cell(columns.get(c).value().applyAsDouble(r.totals()), decimals[c]));
            }
            table.row(cells);
        }
        return table.render() + SummaryJson.ENERGY_CONVENTION + " (Δt " + stepHours(stepHours)
                + "); SW = −Δt × optimal objective, summed over the solved steps\n";
    }

    /**
     * The network section, for a scenario with line limits: per design the congestion rent and
     * each congested line (hours congested, largest congestion price and loading); nothing
     * without limits.
     */
    static String networkLines(List<DesignReport> reports, String currency, double stepHours) {
        if (reports.stream().allMatch(r -> r.totals().lines().isEmpty())) {
            return "";
        }
        StringBuilder out = new StringBuilder("Network (limited lines, DC power flow):\n");
        for (DesignReport r : reports) {
            DesignTotals t = r.totals();
            out.append(String.format(Locale.ROOT, "%s: congestion rent %s %s", r.design(),
                    significant(t.congestionRent()), currency));
            List<DesignTotals.LineTotals> congested = t.congestedLines();
            if (congested.isEmpty()) {
                double loading = t.lines().stream().mapToDouble(DesignTotals.LineTotals::maxLoading)
                        .max().orElse(0);
                out.append(String.format(Locale.ROOT, "; no line congested (largest loading %.1f %%)",
                        100 * loading));
            }
            for (DesignTotals.LineTotals l : congested) {
                out.append(String.format(Locale.ROOT, "; %s congested %s h (price up to %s %s/MWh)",
                        l.line(), number(l.congestedSteps() * stepHours), significant(l.maxPrice()), currency));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Per design and storage peer: the energy cycled, equivalent full cycles, losses and the
     * range of its state of charge; empty without storage.
     */
    static String storageLines(List<DesignReport> reports) {
        if (reports.stream().allMatch(r -> r.storage().isEmpty())) {
            return "";
        }
        double largest = reports.stream().flatMap(r -> r.storage().stream())
                .mapToDouble(StorageTotals::capacity).max().orElse(0);
        double scale = largest >= 1 ? 1 : 1000;
        StringBuilder out = new StringBuilder("Storage (energy in " + (scale == 1 ? "MWh" : "kWh") + "):\n");
        for (DesignReport r : reports) {
            for (StorageTotals st : r.storage()) {
                out.append(String.format(Locale.ROOT, "%s: %s cycled %s (%s full cycles of %s), "
                                + "charged %s, losses %s, state of charge %s -> %s (lowest %s, highest %s)%n",
                        r.design(), st.storage(), energy(st.discharged(), scale), significant(st.fullCycles()),
                        energy(st.capacity(), scale), energy(st.charged(), scale), energy(st.losses(), scale),
                        energy(st.initial(), scale), energy(st.last(), scale), energy(st.lowest(), scale),
                        energy(st.highest(), scale)));
            }
        }
        return out.toString();
    }

    private static String energy(double mwh, double scale) {
        double v = scale * mwh;
        return significant(Math.abs(v) < 5e-7 * scale ? 0.0 : v); // solver noise about 0 shows as 0
    }

    /**
     * For each design whose collectives are nested, the exchange between every pair of sibling
     * collectives (the table's column counts the outermost ones only); empty otherwise.
     */
    static String siblingLines(List<DesignReport> reports) {
        StringBuilder out = new StringBuilder();
        for (DesignReport r : reports) {
            List<SiblingExchange> pairs = r.totals().siblingExchanges();
            if (pairs.stream().allMatch(e -> e.within() == null)) {
                continue;
            }
            out.append(r.design()).append(": exchange between sibling collectives [MWh]:");
            String separator = " ";
            for (SiblingExchange e : pairs) {
                out.append(separator).append(e.first()).append(" <-> ").append(e.second())
                        .append(e.within() == null ? "" : " (in " + e.within() + ")")
                        .append(String.format(Locale.ROOT, " %.4g", e.energy()));
                separator = "; ";
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code x} with {@code decimals} decimals, never {@code -0.0} (noise rounds to 0). */
    static String cell(double x, int decimals) {
        String shown = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return shown.matches("-0\\.?0*") ? shown.substring(1) : shown;
    }

    /** One line per design: how the steps were solved. */
    static String solveLines(List<DesignReport> reports, String currency) {
        StringBuilder out = new StringBuilder();
        for (DesignReport r : reports) {
            SolveSummary s = r.solve();
            out.append(String.format(Locale.ROOT,
                    "%s: %s in %.1f s (%.1f steps/s) with %s; iterations median %d, p95 %d, max %d;"
                            + " budget max imbalance %.3g %s", r.design(),
                    Describe.count(s.steps(), "step"), s.wallSeconds(), s.stepsPerSecond(),
                    s.solver(), s.iterationsMedian(), s.iterationsP95(), s.iterationsMax(),
                    r.totals().maxImbalance(), currency));
            if (s.messages() > 0) {
                out.append(String.format(Locale.ROOT, "; %d messages, %d bytes", s.messages(),
                        s.bytes()));
            }
            if (r.totals().failedSteps() > 0) {
                out.append("; ").append(Describe.count(r.totals().failedSteps(), "step"))
                        .append(" FAILED");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Enough decimals for about four significant digits of the column's largest value. */
    static int decimals(List<DesignReport> reports, ToDoubleFunction<DesignTotals> value) {
        double max = reports.stream().mapToDouble(r -> Math.abs(value.applyAsDouble(r.totals())))
                .filter(Double::isFinite).max().orElse(0);
        if (max == 0) {
            return 1;
        }
        int digits = (int) Math.floor(Math.log10(max));
        return Math.max(1, Math.min(6, 3 - digits));
    }

    /** Four significant digits; amounts below 1e-9 (solver rounding of 0) as 0. */
    static String significant(double x) {
        return Math.abs(x) < 1e-9 ? "0" : Numbers.format(x, 4);
    }

    static String number(double x) {
        return Numbers.format(x);
    }

    /**
     * A step length in hours for "Δt = ... h": exact when six digits hold it ({@code 0.5 h}),
     * else rounded and marked ({@code ≈ 0.00194444 h} for 7 s).
     */
    static String stepHours(double hours) {
        String shown = Numbers.format(hours, STEP_DIGITS);
        return (Double.parseDouble(shown) == hours ? "= " : "≈ ") + shown + " h";
    }

    private record Column(String title, ToDoubleFunction<DesignTotals> value) {
    }
}
