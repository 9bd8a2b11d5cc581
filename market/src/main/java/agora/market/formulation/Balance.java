package agora.market.formulation;

/**
 * A participant's balance in one market: its position there equals the sum of its slots there,
 * {@code sign * position - sum slots = 0}. The sign is -1 for a collective's manager inside its
 * own market (it buys there what the collective sells above), +1 otherwise. Its dual is the
 * participant's marginal value of energy in that market.
 *
 * @param market      index in {@link agora.market.MarketTree#markets()}
 * @param participant the participant's name
 * @param position    index in {@link MarketProblem#positions()}
 * @param sign        +1, or -1 for a manager in its own market
 * @param slots       indices in {@link MarketProblem#slots()}
 */
public record Balance(int market, String participant, int position, double sign, int[] slots) {
}
