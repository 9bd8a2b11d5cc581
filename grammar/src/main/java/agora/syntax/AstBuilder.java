package agora.syntax;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.Excerpt;
import agora.diagnostics.SourceSpan;
import agora.syntax.AgoraParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree into the immutable syntax tree, one visit method per labelled alternative.
 * Positions are converted to 1-based lines and columns here and nowhere else.
 */
final class AstBuilder extends AgoraBaseVisitor<Object> {
    private final String fileName;
    private final Diagnostics diagnostics;

    AstBuilder(String fileName, Diagnostics diagnostics) {
        this.fileName = fileName;
        this.diagnostics = diagnostics;
    }

    ScenarioFile buildFile(FileContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            statements.add((Statement) visit(s));
        }
        return new ScenarioFile(new SourceSpan(fileName, 1, 1, 1), fileName, List.copyOf(statements));
    }

    Expr buildStandaloneExpr(StandaloneExprContext ctx) {
        return expr(ctx.expr());
    }

    // ------------------------------------------------------------------------------ statements

    @Override
    public Statement visitScenarioStatement(ScenarioStatementContext ctx) {
        return new Statement.ScenarioName(span(ctx), string(ctx.STRING()));
    }

    @Override
    public Statement visitCurrencyStatement(CurrencyStatementContext ctx) {
        return new Statement.Currency(span(ctx), string(ctx.STRING()));
    }

    @Override
    public Statement visitTimeStatement(TimeStatementContext ctx) {
        return new Statement.Time(span(ctx), ctx.DATETIME().getText(),
                span(ctx.DATETIME().getSymbol()), expr(ctx.expr(0)), expr(ctx.expr(1)));
    }

    @Override
    public Statement visitImportModuleStatement(ImportModuleStatementContext ctx) {
        return new Statement.ImportModule(span(ctx), ctx.moduleName().getText());
    }

    @Override
    public Statement visitImportFileStatement(ImportFileStatementContext ctx) {
        return new Statement.ImportFile(span(ctx), string(ctx.STRING()));
    }

    @Override
    public Statement visitParamStatement(ParamStatementContext ctx) {
        return new Statement.Param(span(ctx), identifier(ctx.identifier()), expr(ctx.expr()),
                sourceText(ctx.expr()));
    }

    @Override
    public Statement visitProfileStatement(ProfileStatementContext ctx) {
        return new Statement.ProfileDef(span(ctx), identifier(ctx.identifier()), expr(ctx.expr()));
    }

    @Override
    public Statement visitKindStatement(KindStatementContext ctx) {
        return new Statement.Kind(span(ctx), identifier(ctx.identifier(0)),
                identifier(ctx.identifier(1)), properties(ctx.body()));
    }

    @Override
    public Statement visitPeerStatement(PeerStatementContext ctx) {
        return peer(ctx.peer());
    }

    @Override
    public Statement visitCollectiveStatement(CollectiveStatementContext ctx) {
        return collective(ctx.collective());
    }

    @Override
    public Statement visitTariffStatement(TariffStatementContext ctx) {
        List<TariffItem> items = new ArrayList<>();
        ctx.tariffItem().forEach(item -> items.add((TariffItem) visit(item)));
        return new Statement.Tariff(span(ctx), List.copyOf(items));
    }

    @Override
    public Statement visitNetworkStatement(NetworkStatementContext ctx) {
        List<NetworkItem> items = new ArrayList<>();
        ctx.networkItem().forEach(item -> items.add((NetworkItem) visit(item)));
        return new Statement.NetworkBlock(span(ctx), List.copyOf(items));
    }

    @Override
    public Statement visitMarketStatement(MarketStatementContext ctx) {
        List<MarketItem> items = new ArrayList<>();
        ctx.marketItem().forEach(item -> items.add((MarketItem) visit(item)));
        return new Statement.MarketBlock(span(ctx), List.copyOf(items));
    }

    // ------------------------------------------------------------------- peers and collectives

    private PeerDecl peer(PeerContext ctx) {
        Integer bus = ctx.NUMBER() == null ? null : integer(ctx.NUMBER().getSymbol());
        SourceSpan busSpan = ctx.NUMBER() == null ? null : span(ctx.NUMBER().getSymbol());
        return new PeerDecl(span(ctx), identifier(ctx.kind), identifier(ctx.name), bus, busSpan,
                properties(ctx.body()));
    }

    private List<Property> properties(BodyContext body) {
        if (body == null) {
            return List.of();
        }
        List<Property> out = new ArrayList<>();
        body.property().forEach(p -> out.add((Property) visit(p)));
        return List.copyOf(out);
    }

    private CollectiveDecl collective(CollectiveContext ctx) {
        List<CollectiveItem> items = new ArrayList<>();
        ctx.collectiveItem().forEach(item -> items.add((CollectiveItem) visit(item)));
        return new CollectiveDecl(span(ctx), ctx.keyword.getText(), identifier(ctx.identifier()),
                ctx.clearing.getText(), List.copyOf(items));
    }

    @Override
    public CollectiveItem visitNestedCollective(NestedCollectiveContext ctx) {
        return collective(ctx.collective());
    }

    @Override
    public CollectiveItem visitMemberList(MemberListContext ctx) {
        return new CollectiveItem.Members(span(ctx), identifiers(ctx.identifier()));
    }

    @Override
    public CollectiveItem visitCollectivePreferenceItem(CollectivePreferenceItemContext ctx) {
        return (PreferenceDecl) visit(ctx.preference());
    }

    @Override
    public CollectiveItem visitMemberPeer(MemberPeerContext ctx) {
        return peer(ctx.peer());
    }

    // ------------------------------------------------------------------------------ properties

    @Override
    public Property visitBoundsProperty(BoundsPropertyContext ctx) {
        return new Property.Bounds(span(ctx), expr(ctx.lower), expr(ctx.upper));
    }

    @Override
    public Property visitEnergyProperty(EnergyPropertyContext ctx) {
        return new Property.Energy(span(ctx), identifiers(ctx.identifier()));
    }

    @Override
    public Property visitImportPriceProperty(ImportPricePropertyContext ctx) {
        return new Property.GridPrice(span(ctx), Property.Direction.IMPORT, expr(ctx.expr()));
    }

    @Override
    public Property visitExportPriceProperty(ExportPricePropertyContext ctx) {
        return new Property.GridPrice(span(ctx), Property.Direction.EXPORT, expr(ctx.expr()));
    }

    @Override
    public Property visitPreferenceProperty(PreferencePropertyContext ctx) {
        return (PreferenceDecl) visit(ctx.preference());
    }

    @Override
    public Property visitAssignProperty(AssignPropertyContext ctx) {
        return new Property.Assignment(span(ctx), identifier(ctx.identifier()), expr(ctx.expr()));
    }

    @Override
    public PreferenceDecl visitEnergyPreference(EnergyPreferenceContext ctx) {
        return new PreferenceDecl(span(ctx), PreferenceDecl.Target.ENERGY,
                identifier(ctx.identifier()), expr(ctx.expr()));
    }

    @Override
    public PreferenceDecl visitCollectivePreference(CollectivePreferenceContext ctx) {
        return new PreferenceDecl(span(ctx), PreferenceDecl.Target.COLLECTIVE,
                identifier(ctx.identifier()), expr(ctx.expr()));
    }

    @Override
    public PreferenceDecl visitPartnerPreference(PartnerPreferenceContext ctx) {
        return new PreferenceDecl(span(ctx), PreferenceDecl.Target.PARTNER,
                identifier(ctx.identifier()), expr(ctx.expr()));
    }

    @Override
    public PreferenceDecl visitDistancePreference(DistancePreferenceContext ctx) {
        return new PreferenceDecl(span(ctx), PreferenceDecl.Target.DISTANCE, null, expr(ctx.expr()));
    }

    // ------------------------------------------------------------------ tariff, network, market

    @Override
    public TariffItem visitTradeFee(TradeFeeContext ctx) {
        return new TariffItem.TradeFee(span(ctx), expr(ctx.expr()));
    }

    @Override
    public TariffItem visitCollectiveFee(CollectiveFeeContext ctx) {
        return new TariffItem.CollectiveFee(span(ctx), identifier(ctx.first),
                identifier(ctx.second), expr(ctx.expr()));
    }

    @Override
    public TariffItem visitNetworkCharge(NetworkChargeContext ctx) {
        TariffItem.Metric metric = switch (ctx.metric.getType()) {
            case AgoraParser.REACTANCE -> TariffItem.Metric.REACTANCE;
            case AgoraParser.IMPEDANCE -> TariffItem.Metric.IMPEDANCE;
            default -> TariffItem.Metric.HOP;
        };
        return new TariffItem.NetworkCharge(span(ctx), expr(ctx.expr()), metric);
    }

    @Override
    public NetworkItem visitBusItem(BusItemContext ctx) {
        int first = integer(ctx.first);
        int last = ctx.last == null ? first : integer(ctx.last);
        return new NetworkItem.Buses(span(ctx), first, last);
    }

    @Override
    public NetworkItem visitSlackItem(SlackItemContext ctx) {
        return new NetworkItem.Slack(span(ctx), integer(ctx.bus), span(ctx.bus));
    }

    @Override
    public NetworkItem visitLineItem(LineItemContext ctx) {
        List<Property.Assignment> properties = new ArrayList<>();
        for (LinePropertyContext p : ctx.lineProperty()) {
            properties.add(new Property.Assignment(span(p), identifier(p.identifier()),
                    expr(p.expr())));
        }
        return new NetworkItem.LineDecl(span(ctx), identifier(ctx.identifier()),
                integer(ctx.from), span(ctx.from), integer(ctx.to), span(ctx.to),
                List.copyOf(properties));
    }

    @Override
    public MarketItem visitDesignItem(DesignItemContext ctx) {
        return new MarketItem.Design(span(ctx),
                new Identifier(span(ctx.designName()), ctx.designName().getText()));
    }

    @Override
    public MarketItem visitSolveCentralizedItem(SolveCentralizedItemContext ctx) {
        Identifier backend = ctx.identifier() == null ? null : identifier(ctx.identifier());
        return new MarketItem.Solve(span(ctx), "centralized", backend);
    }

    @Override
    public MarketItem visitSolveAdmmItem(SolveAdmmItemContext ctx) {
        return new MarketItem.Solve(span(ctx), "admm", null);
    }

    @Override
    public MarketItem visitTimeLimitItem(TimeLimitItemContext ctx) {
        return new MarketItem.Option(span(ctx), "time limit", expr(ctx.expr()));
    }

    @Override
    public MarketItem visitOptionItem(OptionItemContext ctx) {
        return new MarketItem.Option(span(ctx), ctx.option.getText(), expr(ctx.expr()));
    }

    // ----------------------------------------------------------------------------- expressions

    /**
     * Left-associative chains ({@code a + b + c}, {@code x²²}) nest to the left in the parse tree,
     * one level per operator: their left spine is walked in a loop, so a sum of thousands of terms
     * cannot overflow the stack. Everything else nests only as deep as the parser allows.
     */
    private Expr expr(ExprContext ctx) {
        Deque<ExprContext> spine = new ArrayDeque<>();
        ExprContext node = ctx;
        for (ExprContext left = leftOperand(node); left != null; left = leftOperand(node)) {
            spine.push(node);
            node = left;
        }
        Expr result = (Expr) visit(node);
        while (!spine.isEmpty()) {
            result = withLeft(spine.pop(), result);
        }
        return result;
    }

    /** The left operand of a left-associative form, or null. */
    private static ExprContext leftOperand(ExprContext ctx) {
        if (ctx instanceof AddExprContext a) {
            return a.expr(0);
        }
        if (ctx instanceof MultiplyExprContext m) {
            return m.expr(0);
        }
        if (ctx instanceof CompareExprContext c) {
            return c.expr(0);
        }
        if (ctx instanceof PowerExprContext p) {
            return p.expr();
        }
        return null;
    }

    /** The node of a left-associative form, its left operand already built. */
    private Expr withLeft(ExprContext ctx, Expr left) {
        if (ctx instanceof PowerExprContext p) {
            int exponent = p.SQUARED() != null ? 2 : integer(p.exponent);
            return new Expr.Power(span(ctx), left, exponent);
        }
        Token op;
        ExprContext right;
        if (ctx instanceof AddExprContext a) {
            op = a.op;
            right = a.expr(1);
        } else if (ctx instanceof MultiplyExprContext m) {
            op = m.op;
            right = m.expr(1);
        } else {
            CompareExprContext c = (CompareExprContext) ctx;
            op = c.op;
            right = c.expr(1);
        }
        return new Expr.Binary(span(ctx), operator(op), left, expr(right));
    }

    private static Expr.Operator operator(Token op) {
        return switch (op.getType()) {
            case AgoraParser.PLUS -> Expr.Operator.ADD;
            case AgoraParser.MINUS -> Expr.Operator.SUBTRACT;
            case AgoraParser.STAR -> Expr.Operator.MULTIPLY;
            case AgoraParser.SLASH -> Expr.Operator.DIVIDE;
            case AgoraParser.EQUAL -> Expr.Operator.EQUAL;
            case AgoraParser.NOT_EQUAL -> Expr.Operator.NOT_EQUAL;
            case AgoraParser.LESS -> Expr.Operator.LESS;
            case AgoraParser.LESS_EQUAL -> Expr.Operator.LESS_EQUAL;
            case AgoraParser.GREATER -> Expr.Operator.GREATER;
            default -> Expr.Operator.GREATER_EQUAL;
        };
    }

    @Override
    public Expr visitPrimaryExpr(PrimaryExprContext ctx) {
        return (Expr) visit(ctx.primary());
    }

    @Override
    public Expr visitPowerExpr(PowerExprContext ctx) {
        return expr(ctx);
    }

    @Override
    public Expr visitNegateExpr(NegateExprContext ctx) {
        return new Expr.Negate(span(ctx), expr(ctx.expr()));
    }

    @Override
    public Expr visitMultiplyExpr(MultiplyExprContext ctx) {
        return expr(ctx);
    }

    @Override
    public Expr visitAddExpr(AddExprContext ctx) {
        return expr(ctx);
    }

    @Override
    public Expr visitCompareExpr(CompareExprContext ctx) {
        return expr(ctx);
    }

    @Override
    public Expr visitConditionalExpr(ConditionalExprContext ctx) {
        return new Expr.Conditional(span(ctx), expr(ctx.expr(0)), expr(ctx.expr(1)),
                expr(ctx.expr(2)));
    }

    @Override
    public Expr visitQuantityLiteral(QuantityLiteralContext ctx) {
        return new Expr.QuantityLiteral(span(ctx), number(ctx.NUMBER().getSymbol()),
                sourceText(ctx.unit()), span(ctx.unit()));
    }

    @Override
    public Expr visitNumberLiteral(NumberLiteralContext ctx) {
        return new Expr.NumberLiteral(span(ctx), number(ctx.NUMBER().getSymbol()));
    }

    @Override
    public Expr visitStringLiteral(StringLiteralContext ctx) {
        return new Expr.StringLiteral(span(ctx), string(ctx.STRING()));
    }

    @Override
    public Expr visitCallExpr(CallExprContext ctx) {
        List<Expr.Argument> arguments = new ArrayList<>();
        for (ArgumentContext a : ctx.argument()) {
            Identifier name = a.identifier() == null ? null : identifier(a.identifier());
            arguments.add(new Expr.Argument(span(a), name, expr(a.expr())));
        }
        return new Expr.Call(span(ctx), identifier(ctx.identifier()), List.copyOf(arguments));
    }

    @Override
    public Expr visitNameExpr(NameExprContext ctx) {
        return new Expr.Name(span(ctx), ctx.getText());
    }

    @Override
    public Expr visitParenExpr(ParenExprContext ctx) {
        return expr(ctx.expr());
    }

    // --------------------------------------------------------------------------------- helpers

    private Identifier identifier(IdentifierContext ctx) {
        return new Identifier(span(ctx), ctx.getText());
    }

    private List<Identifier> identifiers(List<IdentifierContext> contexts) {
        return contexts.stream().map(this::identifier).toList();
    }

    private double number(Token token) {
        return Double.parseDouble(token.getText());
    }

    /** A whole number where the grammar allows any number (bus ids, exponents). */
    private int integer(Token token) {
        double value = number(token);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, span(token),
                    "expected a whole number, found '" + Excerpt.quote(token.getText()) + "'");
            return 0;
        }
        return (int) value;
    }

    /** The text of a string literal with its quotes removed and escapes resolved. */
    private static String string(TerminalNode node) {
        String raw = node.getText();
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char next = raw.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The exact characters of a rule as written (keeps the user's spelling of units). */
    private static String sourceText(ParserRuleContext ctx) {
        int start = ctx.getStart().getStartIndex();
        int stop = ctx.getStop().getStopIndex();
        return ctx.getStart().getInputStream().getText(Interval.of(start, stop));
    }

    private SourceSpan span(Token token) {
        return new SourceSpan(fileName, token.getLine(), token.getCharPositionInLine() + 1,
                token.getStopIndex() - token.getStartIndex() + 1);
    }

    /** From the first token; underlines to the last token when it is on the same line. */
    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        boolean oneLine = stop != null && stop.getLine() == start.getLine()
                && stop.getStopIndex() >= start.getStartIndex();
        int length = oneLine ? stop.getStopIndex() - start.getStartIndex() + 1
                : start.getStopIndex() - start.getStartIndex() + 1;
        return new SourceSpan(fileName, start.getLine(), start.getCharPositionInLine() + 1, length);
    }
}
