package agora.scenario;

public enum SolveMode {
    /** one optimisation problem per step on a solver backend */
    CENTRALIZED("centralized"),
    /** each peer solves its own problem; prices and trades are exchanged (ADMM) */
    ADMM("admm");

    private final String keyword;

    SolveMode(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
