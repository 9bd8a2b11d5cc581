package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/** A top-level statement of a scenario file. */
public sealed interface Statement permits Statement.ScenarioName, Statement.Currency,
        Statement.Time, Statement.ImportModule, Statement.ImportFile, Statement.Param,
        Statement.ProfileDef, Statement.Kind, PeerDecl, CollectiveDecl, Statement.Tariff,
        Statement.NetworkBlock, Statement.MarketBlock {

    SourceSpan span();

    /** {@code scenario "name"}. */
    record ScenarioName(SourceSpan span, String name) implements Statement {
    }

    /** {@code currency "€"}: the symbol prices are written with. */
    record Currency(SourceSpan span, String symbol) implements Statement {
    }

    /**
     * {@code time from 2012-07-01 00:00 step 30 min count 17520}.
     *
     * @param start     the date and time as written ({@code yyyy-MM-dd[ HH:mm]})
     * @param startSpan where it stands
     */
    record Time(SourceSpan span, String start, SourceSpan startSpan, Expr step, Expr count)
            implements Statement {
    }

    /** {@code import std.ieee14}. */
    record ImportModule(SourceSpan span, String module) implements Statement {
    }

    /** {@code import "relative/path.agora"}. */
    record ImportFile(SourceSpan span, String path) implements Statement {
    }

    /**
     * {@code param name = default}, overridable from the command line.
     *
     * @param valueText the default as written, for reports
     */
    record Param(SourceSpan span, Identifier name, Expr value, String valueText)
            implements Statement {
    }

    /** {@code profile name = expression}. */
    record ProfileDef(SourceSpan span, Identifier name, Expr value) implements Statement {
    }

    /** {@code kind household : consumer { ... }}: a template of peers. */
    record Kind(SourceSpan span, Identifier name, Identifier base, List<Property> properties)
            implements Statement {
    }

    /** {@code tariff { ... }}. */
    record Tariff(SourceSpan span, List<TariffItem> items) implements Statement {
    }

    /** {@code network { ... }}. */
    record NetworkBlock(SourceSpan span, List<NetworkItem> items) implements Statement {
    }

    /** {@code market { ... }}. */
    record MarketBlock(SourceSpan span, List<MarketItem> items) implements Statement {
    }
}
