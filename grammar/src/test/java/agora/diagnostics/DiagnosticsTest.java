package agora.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private static final SourceSpan AT = new SourceSpan("a.agora", 3, 5, 2);

    @Test
    void anIdenticalDiagnosticIsKeptAndCountedOnce() {
        Diagnostics d = new Diagnostics();
        d.error(DiagnosticCode.UNKNOWN_GENERATOR, AT, "unknown function 'solr'", "did you mean 'solar'?");
        d.error(DiagnosticCode.UNKNOWN_GENERATOR, AT, "unknown function 'solr'", "did you mean 'solar'?");
        assertEquals(1, d.errorCount());
        assertEquals(1, d.all().size());
    }

    @Test
    void diagnosticsThatDifferInAnythingAreAllKept() {
        Diagnostics d = new Diagnostics();
        d.error(DiagnosticCode.UNKNOWN_GENERATOR, AT, "unknown function 'solr'");
        d.error(DiagnosticCode.UNKNOWN_GENERATOR, AT, "unknown function 'solr'", "did you mean 'solar'?");
        d.error(DiagnosticCode.UNKNOWN_GENERATOR, new SourceSpan("a.agora", 4, 5, 2), "unknown function 'solr'");
        d.error(DiagnosticCode.BAD_ARGUMENT, AT, "unknown function 'solr'");
        d.warning(DiagnosticCode.UNKNOWN_GENERATOR, AT, "unknown function 'solr'");
        assertEquals(4, d.errorCount());
        assertEquals(List.of(3, 3, 3, 3, 4), d.sorted().stream().map(x -> x.span().line()).toList());
    }
}
