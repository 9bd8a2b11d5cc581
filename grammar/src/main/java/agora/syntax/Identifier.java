package agora.syntax;

import agora.diagnostics.SourceSpan;

/** A name as written in a scenario, with its place (for "undefined name" carets). */
public record Identifier(SourceSpan span, String text) {

    @Override
    public String toString() {
        return text;
    }
}
