package agora.market;

/**
 * A pair of participants of a bilateral market that may trade. The link stands for the two trade
 * variables {@code P_ab} and {@code P_ba} tied by reciprocity {@code P_ab + P_ba = 0}.
 *
 * @param a     first participant (the link's trade {@code P_ab} is a's sale to b, MW)
 * @param b     second participant
 * @param costA per-MWh cost a pays on {@code |P_ab|} (γ, fees, network charge, a's preferences)
 * @param costB per-MWh cost b pays on {@code |P_ba|}
 */
public record TradeLink(Participant a, Participant b, double costA, double costB) {

    public String label() {
        return a.name() + "->" + b.name();
    }
}
