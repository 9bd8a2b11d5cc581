package agora.scenario;

import java.util.List;

public record Network(List<Bus> buses, List<Line> lines) {
    public static final Network EMPTY = new Network(List.of(), List.of());

    public boolean hasBus(int id) {
        return buses.stream().anyMatch(b -> b.id() == id);
    }
}
