package agora.scenario;

import agora.diagnostics.SourceSpan;
import java.util.List;

/**
 * The bus network.
 *
 * @param slack     the bus the user named as the DC power flow's reference ({@code slack bus
 *                  N}), or 0 for the default (the grid connection's bus)
 * @param slackSpan where it was named, or null
 */
public record Network(List<Bus> buses, List<Line> lines, int slack, SourceSpan slackSpan) {
    public static final Network EMPTY = new Network(List.of(), List.of());

    public Network(List<Bus> buses, List<Line> lines) {
        this(buses, lines, 0, null);
    }

    public Network {
        buses = List.copyOf(buses);
        lines = List.copyOf(lines);
    }

    public boolean hasBus(int id) {
        return buses.stream().anyMatch(b -> b.id() == id);
    }

    /** True when some line has a capacity: then flows are computed and limited. */
    public boolean hasLimits() {
        return lines.stream().anyMatch(Line::isLimited);
    }
}
