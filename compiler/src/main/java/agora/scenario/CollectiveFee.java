package agora.scenario;

import agora.diagnostics.SourceSpan;

/** A fee per MWh on trades between members of two collectives, paid by each side. */
public record CollectiveFee(SourceSpan span, String first, String second, double feePerMWh) {

    public boolean connects(String a, String b) {
        return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
    }
}
