package agora.syntax;

import agora.diagnostics.SourceSpan;

/** One line of a {@code market} block. */
public sealed interface MarketItem permits MarketItem.Design, MarketItem.Solve, MarketItem.Option {

    SourceSpan span();

    /** {@code design hybrid}. */
    record Design(SourceSpan span, Identifier name) implements MarketItem {
    }

    /**
     * {@code solve centralized with ortools} or {@code solve admm}.
     *
     * @param mode    {@code centralized} or {@code admm}
     * @param backend the backend named after {@code with}, or null
     */
    record Solve(SourceSpan span, String mode, Identifier backend) implements MarketItem {
    }

    /**
     * A solver option: {@code tolerance 1e-7}, {@code time limit 60 s}, {@code threads 2},
     * {@code rho 1.0}, {@code iterations 5000}, or the windows steps coupled by storage are
     * solved in: {@code window 48 h}, {@code commit 24 h}.
     *
     * @param name the option as written ({@code time limit} for the time limit)
     */
    record Option(SourceSpan span, String name, Expr value) implements MarketItem {
    }
}
