/**
 * The syntax of Agora scenarios: {@link agora.syntax.ScenarioParser} turns text into an
 * immutable tree of records ({@link agora.syntax.ScenarioFile}, {@link agora.syntax.Statement},
 * {@link agora.syntax.Expr}, ...) whose first component is always the node's
 * {@link agora.diagnostics.SourceSpan} (1-based line and column). Nothing in this tree knows
 * units, names or time: the compiler gives it meaning.
 */
package agora.syntax;
