package agora.scenario;

/**
 * The kinds of peer. Sign rules of trades follow from the kind (producers only sell). A storage
 * peer both charges and discharges; its energy ties its steps together ({@link Storage}).
 */
public enum PeerKind {
    PRODUCER("producer"),
    CONSUMER("consumer"),
    PROSUMER("prosumer"),
    GRID("grid"),
    STORAGE("storage");

    private final String keyword;

    PeerKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** May this kind of peer inject (sell)? */
    public boolean maySell() {
        return this != CONSUMER;
    }

    /** May this kind of peer withdraw (buy)? */
    public boolean mayBuy() {
        return this != PRODUCER;
    }
}
