package agora.syntax;

import agora.diagnostics.SourceSpan;

/** One line of a {@code tariff} block. */
public sealed interface TariffItem permits TariffItem.TradeFee, TariffItem.CollectiveFee,
        TariffItem.NetworkCharge {

    SourceSpan span();

    /** {@code fee every trade = 0.001 $/MWh}: the paper's γ. */
    record TradeFee(SourceSpan span, Expr value) implements TariffItem {
    }

    /** {@code fee c1 <-> c2 = 2 $/MWh}. */
    record CollectiveFee(SourceSpan span, Identifier first, Identifier second, Expr value)
            implements TariffItem {
    }

    /** {@code network charge = 0.5 $/MWh per hop}. */
    record NetworkCharge(SourceSpan span, Expr value, Metric metric) implements TariffItem {
    }

    /** How electrical distance is measured, as written after {@code per}. */
    enum Metric {
        HOP, REACTANCE, IMPEDANCE
    }
}
