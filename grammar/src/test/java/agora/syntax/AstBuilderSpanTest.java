package agora.syntax;

import static agora.syntax.ParseHelper.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import agora.diagnostics.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spans are 1-based and underline a node's text when it fits on one line. */
class AstBuilderSpanTest {
    private static final String TEXT = """
            scenario "s"
              grid g20 at bus 1 {
            \timport price = 55 $/MWh
              }
            profile p = csv("a.csv", column: "3")
            """;

    @Test
    void statementsAndNamesStartAtTheirFirstCharacter() {
        List<Statement> s = parse(TEXT).statements();
        assertEquals(new SourceSpan("test.agora", 1, 1, 12), s.get(0).span());
        PeerDecl grid = (PeerDecl) s.get(1);
        // the peer spans several lines: the caret covers its first token, "grid"
        assertEquals(new SourceSpan("test.agora", 2, 3, 4), grid.span());
        assertEquals(new SourceSpan("test.agora", 2, 8, 3), grid.name().span());
        assertEquals(new SourceSpan("test.agora", 2, 19, 1), grid.busSpan());
    }

    @Test
    void aTabCountsAsOneColumnAndQuantitiesUnderlineNumberAndUnit() {
        PeerDecl grid = (PeerDecl) parse(TEXT).statements().get(1);
        Property.GridPrice price = (Property.GridPrice) grid.properties().get(0);
        assertEquals(new SourceSpan("test.agora", 3, 2, 23), price.span());
        Expr.QuantityLiteral q = (Expr.QuantityLiteral) price.value();
        assertEquals(new SourceSpan("test.agora", 3, 17, 8), q.span());
        assertEquals(new SourceSpan("test.agora", 3, 20, 5), q.unitSpan());
    }

    @Test
    void callArgumentsHaveTheirOwnSpans() {
        Statement.ProfileDef p = (Statement.ProfileDef) parse(TEXT).statements().get(2);
        Expr.Call call = (Expr.Call) p.value();
        assertEquals(new SourceSpan("test.agora", 5, 13, 25), call.span());
        assertEquals(new SourceSpan("test.agora", 5, 26, 11), call.arguments().get(1).span());
        assertEquals(new SourceSpan("test.agora", 5, 26, 6), call.arguments().get(1).name().span());
    }
}
