package agora.syntax;

import static agora.syntax.ParseHelper.errors;
import static agora.syntax.ParseHelper.expr;
import static agora.syntax.ParseHelper.parse;
import static agora.syntax.ParseHelper.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.syntax.Expr.Binary;
import agora.syntax.Expr.Operator;
import agora.syntax.Expr.QuantityLiteral;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    @Test
    void headerStatements() {
        List<Statement> s = parse("""
                scenario "IEEE 14"
                currency "€"
                time from 2012-07-01 00:00 step 30 min count 17520
                param data_dir = ""
                param cap = 30 MW
                import std.ieee14
                import "lib/peers.agora"
                """).statements();
        assertEquals("IEEE 14", ((Statement.ScenarioName) s.get(0)).name());
        assertEquals("€", ((Statement.Currency) s.get(1)).symbol());
        Statement.Time time = (Statement.Time) s.get(2);
        assertEquals("2012-07-01 00:00", time.start());
        assertEquals(new QuantityLiteral(time.step().span(), 30, "min", time.step().span()
                .equals(time.step().span()) ? ((QuantityLiteral) time.step()).unitSpan() : null),
                time.step());
        assertEquals(17520, ((Expr.NumberLiteral) time.count()).value());
        Statement.Param dataDir = (Statement.Param) s.get(3);
        assertEquals("data_dir", dataDir.name().text());
        assertEquals("", ((Expr.StringLiteral) dataDir.value()).value());
        assertEquals("30 MW", ((Statement.Param) s.get(4)).valueText());
        assertEquals("std.ieee14", ((Statement.ImportModule) s.get(5)).module());
        assertEquals("lib/peers.agora", ((Statement.ImportFile) s.get(6)).path());
    }

    @Test
    void quantitiesKeepTheUnitAsWritten() {
        assertEquals("$/MW²h", ((QuantityLiteral) expr("7.3 $/MW²h")).unit());
        assertEquals("$/MW^2h", ((QuantityLiteral) expr("7.3 $/MW^2h")).unit());
        assertEquals("kWh", ((QuantityLiteral) expr("2.5 kWh")).unit());
        assertEquals("€/MWh", ((QuantityLiteral) expr("3 €/MWh")).unit());
        assertEquals("%", ((QuantityLiteral) expr("50 %")).unit());
        assertEquals(1e-4, ((Expr.NumberLiteral) expr("1e-4")).value());
    }

    @Test
    void costPolynomialParsesWithPrecedence() {
        // 7.3 $/MW²h * p² + 130 $/MWh * p  ==  ((7.3 $/MW²h) * (p²)) + ((130 $/MWh) * p)
        Binary sum = (Binary) expr("7.3 $/MW²h * p² + 130 $/MWh * p");
        assertEquals(Operator.ADD, sum.operator());
        Binary quadratic = (Binary) sum.left();
        assertEquals(Operator.MULTIPLY, quadratic.operator());
        assertEquals(7.3, ((QuantityLiteral) quadratic.left()).value());
        Expr.Power square = (Expr.Power) quadratic.right();
        assertEquals(2, square.exponent());
        assertEquals("p", ((Expr.Name) square.base()).name());
        Binary linear = (Binary) sum.right();
        assertEquals("$/MWh", ((QuantityLiteral) linear.left()).unit());
        Expr.Power caret = (Expr.Power) ((Binary) expr("a * p^2")).right();
        assertEquals(2, caret.exponent());
    }

    @Test
    void unitPartsMustTouch() {
        // with spaces, '/' divides: (10 MW) / x
        Binary division = (Binary) expr("10 MW / x");
        assertEquals(Operator.DIVIDE, division.operator());
        assertEquals("MW", ((QuantityLiteral) division.left()).unit());
        Binary sum = (Binary) expr("price + 10 $/MWh");
        assertEquals("$/MWh", ((QuantityLiteral) sum.right()).unit());
        Binary product = (Binary) expr("0.8 * load3");
        assertEquals(0.8, ((Expr.NumberLiteral) product.left()).value());
        assertEquals("load3", ((Expr.Name) product.right()).name());
    }

    @Test
    void aNumberAtTheEndOfALineTakesNoUnitFromTheNextLine() {
        List<Statement> s = parse("""
                kind household : consumer {
                    load_max = 2
                    MW = 3
                }
                """).statements();
        Statement.Kind kind = (Statement.Kind) s.get(0);
        assertEquals(2, kind.properties().size());
        Property.Assignment first = (Property.Assignment) kind.properties().get(0);
        assertInstanceOf(Expr.NumberLiteral.class, first.value());
    }

    @Test
    void conditionalCsvAndGenerator() {
        Expr.Conditional c = (Expr.Conditional) expr("""
                data_dir != "" ? csv(data_dir + "/price.csv", column: 2, skip: 1) * 1 $/MWh
                               : wholesale_price(mean: 55 $/MWh, seed: 20)""");
        Binary condition = (Binary) c.condition();
        assertEquals(Operator.NOT_EQUAL, condition.operator());
        Expr.Call csv = (Expr.Call) ((Binary) c.whenTrue()).left();
        assertEquals("csv", csv.function().text());
        assertNull(csv.arguments().get(0).name());
        assertEquals("column", csv.arguments().get(1).name().text());
        assertEquals(Operator.ADD, ((Binary) csv.arguments().get(0).value()).operator());
        Expr.Call generator = (Expr.Call) c.whenFalse();
        assertEquals("wholesale_price", generator.function().text());
        assertEquals(2, generator.arguments().size());
    }

    @Test
    void unaryMinusBindsBelowPowerAndAboveProducts() {
        Expr.Negate negate = (Expr.Negate) expr("-p²");
        assertInstanceOf(Expr.Power.class, negate.operand());
        Binary product = (Binary) expr("-a * b");
        assertInstanceOf(Expr.Negate.class, product.left());
    }

    @Test
    void peersWithEveryProperty() {
        PeerDecl grid = (PeerDecl) single("""
                grid g20 at bus 1 {
                    import price = price + 10 $/MWh
                    export price = price - 10 $/MWh
                }""");
        assertEquals("grid", grid.kind().text());
        assertEquals("g20", grid.name().text());
        assertEquals(1, grid.bus());
        assertEquals(Property.Direction.IMPORT, ((Property.GridPrice) grid.properties().get(0)).direction());
        assertEquals(Property.Direction.EXPORT, ((Property.GridPrice) grid.properties().get(1)).direction());

        PeerDecl wind = (PeerDecl) single("""
                wind w12 at bus 2 { output = solar(capacity: 30 MW, seed: 7); energy wind, green
                    bounds = 0 MW .. 5 MW; pmin = 0 MW; prefers distance by 0.5 $/MWh }""");
        assertEquals(5, wind.properties().size());
        Property.Energy energy = (Property.Energy) wind.properties().get(1);
        assertEquals(List.of("wind", "green"), energy.types().stream().map(Identifier::text).toList());
        assertInstanceOf(Property.Bounds.class, wind.properties().get(2));
        PreferenceDecl distance = (PreferenceDecl) wind.properties().get(4);
        assertEquals(PreferenceDecl.Target.DISTANCE, distance.target());
        assertNull(distance.subject());

        PeerDecl loose = (PeerDecl) single("producer gen");
        assertNull(loose.bus());
        assertEquals(List.of(), loose.properties());
    }

    @Test
    void kindsExtendKindsAndSoftKeywordsNameThings() {
        Statement.Kind kind = (Statement.Kind) single("""
                kind big_house : household { load_max = 5 MW; price = 3 $/MWh }""");
        assertEquals("household", kind.base().text());
        assertEquals("price", ((Property.Assignment) kind.properties().get(1)).name().text());
        Statement.ProfileDef price = (Statement.ProfileDef) single("profile price = 55 $/MWh");
        assertEquals("price", price.name().text());
    }

    @Test
    void collectivesNestAndListMembers() {
        CollectiveDecl c1 = (CollectiveDecl) single("""
                community c1 clears pool {
                    household d1 at bus 2 { load_max = 3.5 MW }
                    prefers energy green by 2 $/MWh
                    collective flats clears bilateral {
                        member x, y
                        prefers partner w12 by 3 $/MWh
                        prefers collective c1 by 1 $/MWh
                        collective deep clears pool { consumer z at bus 4 }
                    }
                }""");
        assertEquals("community", c1.keyword());
        assertEquals("pool", c1.clearing());
        assertInstanceOf(PeerDecl.class, c1.items().get(0));
        assertEquals(PreferenceDecl.Target.ENERGY, ((PreferenceDecl) c1.items().get(1)).target());
        CollectiveDecl flats = (CollectiveDecl) c1.items().get(2);
        assertEquals("bilateral", flats.clearing());
        assertEquals(List.of("x", "y"), ((CollectiveItem.Members) flats.items().get(0)).names()
                .stream().map(Identifier::text).toList());
        assertEquals(PreferenceDecl.Target.PARTNER, ((PreferenceDecl) flats.items().get(1)).target());
        assertEquals(PreferenceDecl.Target.COLLECTIVE, ((PreferenceDecl) flats.items().get(2)).target());
        CollectiveDecl deep = (CollectiveDecl) flats.items().get(3);
        assertEquals("z", ((PeerDecl) deep.items().get(0)).name().text());
    }

    @Test
    void tariffNetworkAndMarketBlocks() {
        List<Statement> s = parse("""
                tariff {
                    fee every trade = 0.001 $/MWh
                    fee c1 <-> c2 = 2 $/MWh
                    network charge = 0.5 $/MWh per reactance
                }
                network {
                    bus 1 .. 14
                    bus 20
                    line l1 from 1 to 2 { r = 0.01938, x = 0.05917, capacity = 120 MW }
                    line l2 from 1 to 5 { r = 0.05403; x = 0.22304 }
                }
                market {
                    design hybrid
                    solve centralized with ortools
                    tolerance 1e-7
                    time limit 60 s
                    threads 2
                    rho 1.0
                    iterations 5000
                    solve admm
                }
                """).statements();
        Statement.Tariff tariff = (Statement.Tariff) s.get(0);
        assertInstanceOf(TariffItem.TradeFee.class, tariff.items().get(0));
        TariffItem.CollectiveFee fee = (TariffItem.CollectiveFee) tariff.items().get(1);
        assertEquals("c1", fee.first().text());
        assertEquals("c2", fee.second().text());
        assertEquals(TariffItem.Metric.REACTANCE, ((TariffItem.NetworkCharge) tariff.items().get(2)).metric());

        Statement.NetworkBlock network = (Statement.NetworkBlock) s.get(1);
        NetworkItem.Buses range = (NetworkItem.Buses) network.items().get(0);
        assertEquals(1, range.first());
        assertEquals(14, range.last());
        assertEquals(20, ((NetworkItem.Buses) network.items().get(1)).last());
        NetworkItem.LineDecl l1 = (NetworkItem.LineDecl) network.items().get(2);
        assertEquals(1, l1.from());
        assertEquals(2, l1.to());
        assertEquals(List.of("r", "x", "capacity"), l1.properties().stream()
                .map(p -> p.name().text()).toList());
        assertEquals(2, ((NetworkItem.LineDecl) network.items().get(3)).properties().size());

        Statement.MarketBlock market = (Statement.MarketBlock) s.get(2);
        assertEquals("hybrid", ((MarketItem.Design) market.items().get(0)).name().text());
        MarketItem.Solve solve = (MarketItem.Solve) market.items().get(1);
        assertEquals("centralized", solve.mode());
        assertEquals("ortools", solve.backend().text());
        assertEquals(List.of("tolerance", "time limit", "threads", "rho", "iterations"),
                market.items().subList(2, 7).stream().map(i -> ((MarketItem.Option) i).name()).toList());
        assertEquals("admm", ((MarketItem.Solve) market.items().get(7)).mode());
    }

    @Test
    void commentsAndSemicolonsAreIgnored() {
        List<Statement> s = parse("""
                // a line comment
                /* a block
                   comment */ param a = 1; param b = "x\\"y" ;
                """).statements();
        assertEquals(2, s.size());
        assertEquals("x\"y", ((Expr.StringLiteral) ((Statement.Param) s.get(1)).value()).value());
    }

    @Test
    void standaloneExpressionForCommandLineValues() {
        agora.diagnostics.Diagnostics d = new agora.diagnostics.Diagnostics();
        Expr e = ScenarioParser.parseExpression("--set cap", "30 MW", d).orElseThrow();
        assertEquals("MW", ((QuantityLiteral) e).unit());
    }

    @Test
    void syntaxErrorsAreReportedOncePerStatementWithHumanExpectations() {
        assertEquals(List.of("test.agora:1:13: error[E0101]: unexpected '}', expected an expression"),
                errors("profile x = }"));
        assertEquals(List.of("test.agora:2:7: error[E0101]: unexpected '=', expected a name"),
                errors("param a = 1\nbogus = 3\nalso wrong"));
        assertEquals(List.of("test.agora:1:14: error[E0101]: unexpected 'pool', expected 'clears'",
                "test.agora:2:14: error[E0101]: unexpected 'bilateral', expected 'clears'"),
                errors("community c1 pool { }\ncommunity c2 bilateral { }"));
        assertEquals(List.of("test.agora:1:14: error[E0101]: unexpected end of file, expected 'clears'"),
                errors("community c1 "));
        assertEquals(List.of("test.agora:1:13: error[E0101]: unexpected '#', expected an expression"),
                errors("profile x = # 3"));
        assertEquals(List.of("test.agora:1:17: error[E0101]: unexpected '=' after 'design'"),
                errors("market { design = full }"));
    }

    @Test
    void parsingResumesAtTheNextStatementAfterASyntaxError() {
        String text = """
                producer p1 { bounds = 0 MW .. ; cost = 1 $/MWh * p }
                consumer d1 { bounds = -1 MW .. 0 MW
                market { design full }
                community c1 clears pooled {
                    member p1
                }
                grid g { import price = 10 $/MWh }
                profile x = 2
                  MW
                """;
        assertEquals(List.of(
                "test.agora:1:32: error[E0101]: unexpected ';', expected an expression",
                "test.agora:3:1: error[E0101]: unexpected 'market', expected a property or '}'",
                "test.agora:4:21: error[E0101]: unexpected 'pooled', expected 'pool' or 'bilateral'",
                "test.agora:8:13: error[E0101]: a unit must stand on the same line as its number: "
                        + "'2' ends line 8, 'MW' begins line 9"),
                errors(text));
    }

    @Test
    void wholeNumbersWhereTheGrammarNeedsThem() {
        assertEquals(List.of("test.agora:1:20: error[E0303]: expected a whole number, found '2.5'"),
                errors("consumer d1 at bus 2.5"));
    }

    @Test
    void designNamesAndPreferencesMayUseKeywords() {
        Statement.MarketBlock market = (Statement.MarketBlock) single("market { design community }");
        assertEquals("community", ((MarketItem.Design) market.items().get(0)).name().text());
        PeerDecl peer = (PeerDecl) single("consumer d { prefers community c1 by 1 $/MWh }");
        PreferenceDecl p = (PreferenceDecl) peer.properties().get(0);
        assertEquals(PreferenceDecl.Target.COLLECTIVE, p.target());
        assertEquals("c1", p.subject().text());
    }

    @Test
    void aUnitSplitAcrossLinesIsAnError() {
        assertEquals(List.of("test.agora:1:13: error[E0101]: a unit must stand on the same line as its number: "
                + "'2' ends line 1, 'MW' begins line 2"),
                errors("profile x = 2\nMW"));
    }

    @Test
    void longLeftAssociativeChainsParseWithoutDeepRecursion() {
        // 20000 terms nest 19999 Binary nodes to the left; built in a loop, not by recursion
        Expr sum = expr(String.join(" + ", java.util.Collections.nCopies(20_000, "1")));
        int depth = 0;
        for (Expr e = sum; e instanceof Binary b; e = b.left()) {
            assertEquals(Operator.ADD, b.operator());
            depth++;
        }
        assertEquals(19_999, depth);
        // a chain of exponents ends at 256 parts (see unitsOfMoreThan256GluedPartsAreRefused...)
        Expr.Power power = (Expr.Power) expr("x" + "²".repeat(255));
        assertEquals(2, power.exponent());
    }

    @Test
    void expressionsNestAtMost256LevelsDeep() {
        // the whole expression is level 1 and every '-' opens one more: 255 signs parse, and the
        // operand of the 256th sign, the 257th sign at column 12 + 257, is refused
        assertInstanceOf(Expr.Negate.class, expr("-".repeat(255) + "1"));
        Diagnostics d = new Diagnostics();
        assertTrue(ScenarioParser.parse(ParseHelper.FILE, "profile x = " + "-".repeat(3000) + "1", d).isEmpty());
        assertEquals(List.of("test.agora:1:269: error[E0101]: expression nested too deeply"),
                d.all().stream().map(Diagnostic::headline).toList());
        assertEquals("an expression may nest at most 256 levels (parentheses, signs, operators, conditionals,"
                + " calls); name inner parts with 'param' or 'profile'", d.all().get(0).hint());
        // likewise the expression inside the 256th '(' (column 12 + 257) is refused
        assertEquals(List.of("test.agora:1:269: error[E0101]: expression nested too deeply"),
                errors("profile x = " + "(".repeat(1000) + "1" + ")".repeat(1000)));
    }

    @Test
    void collectivesNestAtMost64LevelsDeep() {
        String open = "collective c clears pool { ";
        assertInstanceOf(CollectiveDecl.class, single(open.repeat(64) + "}".repeat(64)));
        assertEquals(List.of("test.agora:1:" + (64 * open.length() + 1)
                + ": error[E0101]: collective nested too deeply"),
                errors(open.repeat(65) + "}".repeat(65)));
    }

    /** The one diagnostic of a text that does not parse: headline, then hint. */
    private static List<String> errorAndHint(String text) {
        Diagnostics d = new Diagnostics();
        assertTrue(ScenarioParser.parse(ParseHelper.FILE, text, d).isEmpty(), "parsed unexpectedly");
        assertEquals(1, d.all().size(), d.all().toString());
        return java.util.Arrays.asList(d.all().get(0).headline(), d.all().get(0).hint());
    }

    @Test
    void aNumberEndingALineBlamesTheNextLineOnlyWhenItLooksLikeAUnit() {
        // 'consumer' is no unit: the real mistake is 'market', a keyword, as a name
        assertEquals(List.of("test.agora:3:10: error[E0101]: unexpected 'market', expected a name"),
                errors("time from 2024-01-01 00:00 step 1 h count 4\n\nconsumer market { bounds = -1 MW .. 0 MW }"));
        assertEquals(List.of("test.agora:1:13: error[E0101]: a unit must stand on the same line as its number: "
                + "'5' ends line 1, 'EUR' begins line 2"), errors("profile x = 5\nEUR/MWh"));
        // a missing comma between arguments is reported where the next argument begins
        assertEquals(List.of("test.agora:2:2: error[E0101]: unexpected 'seed', expected ')'"),
                errors("profile x = solar(capacity: 1\n seed: 3)"));
    }

    @Test
    void anUnclosedStringIsReportedAtItsOpeningQuote() {
        assertEquals(List.of("test.agora:1:10: error[E0101]: unclosed string",
                "a string ends with '\"' on the line it begins"),
                errorAndHint("scenario \"syntax: a name that never ends\ntime from 2024-01-01 00:00 step 1 h count 4"));
    }

    @Test
    void commonSlipsGetAHint() {
        assertEquals(List.of("test.agora:1:40: error[E0101]: unexpected '#', expected a statement",
                "comments start with // (to the end of the line) or stand between /* and */"),
                errorAndHint("producer p { bounds = 0 MW .. 1 MW }   # a producer"));
        assertEquals(List.of("test.agora:2:5: error[E0101]: unexpected '#', expected a property or '}'",
                "comments start with // (to the end of the line) or stand between /* and */"),
                errorAndHint("producer p {\n    # the bounds\n    bounds = 0 MW .. 1 MW\n}"));
        assertEquals(List.of("test.agora:1:11: error[E0101]: unexpected 'é' in a name",
                "names use the letters a-z and A-Z, digits and _"),
                errorAndHint("producer pé { bounds = 0 MW .. 1 MW }"));
    }

    @Test
    void aKeywordTakenForAMissingNameIsReportedAsTheMissingName() {
        assertEquals(List.of("test.agora:1:11: error[E0101]: expected a name after 'community', found 'clears'"),
                errors("community clears pool { }"));
        assertEquals(List.of("test.agora:1:10: error[E0101]: expected a name after 'producer', found 'at'"),
                errors("producer at bus 3 { }"));
        assertEquals(List.of("test.agora:1:16: error[E0101]: expected a name after 'line', found 'from'"),
                errors("network { line from 1 to 2 { r = 1, x = 1 } }"));
    }

    /**
     * A unit or exponent of more than 256 parts is refused before parsing: 80,000 '²' glued to a
     * unit took 57 s to parse (ANTLR's prediction of a unit looked ahead over the whole run at
     * each part); 256 parts still parse.
     */
    @Test
    void unitsOfMoreThan256GluedPartsAreRefusedBeforeParsing() {
        String head = "producer p { bounds = 0 MW .. 1 MW; cost = 1 $/MW";
        assertEquals(List.of("test.agora:1:46: error[E0101]: a unit or exponent of more than 256 parts "
                        + "written without a space, from '$'"),
                errors(head + "²".repeat(80_000) + "h * p }"));
        assertEquals(List.of("test.agora:1:5: error[E0101]: a unit or exponent of more than 256 parts "
                        + "written without a space, from 'p'"),
                errors("x = p" + "²".repeat(300)));
        Diagnostics d = new Diagnostics();
        ScenarioParser.parse(ParseHelper.FILE, head + "²".repeat(250) + "h * p }", d);
        assertTrue(d.all().stream().noneMatch(x -> x.headline().contains("more than 256")), d.all().toString());
    }
}
