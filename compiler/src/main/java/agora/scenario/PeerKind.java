package agora.scenario;

/** The four kinds of peer. Sign rules of trades follow from the kind (producers only sell). */
public enum PeerKind {
    PRODUCER("producer"),
    CONSUMER("consumer"),
    PROSUMER("prosumer"),
    GRID("grid");

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
