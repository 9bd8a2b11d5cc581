package agora.scenario;

/** How a collective clears inside. */
public enum Clearing {
    /** A manager runs an internal pool: formulation (2) of the paper. */
    POOL("pool"),
    /** Members trade bilaterally: formulation (1) of the paper. */
    BILATERAL("bilateral");

    private final String keyword;

    Clearing(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
