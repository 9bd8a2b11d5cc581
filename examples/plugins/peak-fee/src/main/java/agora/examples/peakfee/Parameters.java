package agora.examples.peakfee;

import agora.market.DesignException;
import agora.scenario.Scenario;
import agora.units.Dimension;
import agora.units.Unit;
import agora.units.Units;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the design's parameters from the scenario's {@code param} statements. The scenario keeps
 * a parameter as the text it was written (or set with {@code --set}), so a quantity is read here
 * in its plain form, a number and a unit ({@code 2 MW}, {@code 20 $/MWh}), and converted to
 * canonical units with the compiler's own unit table.
 */
final class Parameters {
    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    private Parameters() {
    }

    /** A power parameter in MW. */
    static double power(Scenario scenario, String name) throws DesignException {
        return quantity(scenario, name, Dimension.POWER, "a power such as 2 MW");
    }

    /** A price parameter in currency/MWh. */
    static double price(Scenario scenario, String name) throws DesignException {
        return quantity(scenario, name, Dimension.PRICE, "a price such as 20 " + scenario.currency() + "/MWh");
    }

    private static double quantity(Scenario scenario, String name, Dimension dimension, String example)
            throws DesignException {
        String text = scenario.params().get(name);
        if (text == null) {
            throw PeakFeeDesign.error(scenario, "design '" + PeakFeeDesign.NAME
                    + "' needs the parameter '" + name + "'", "declare it: param " + name + " = " + example);
        }
        Matcher m = NUMBER_AND_UNIT.matcher(text);
        Optional<Unit> unit = m.matches() ? Units.parse(m.group(2), scenario.currency()) : Optional.empty();
        if (unit.isEmpty() || !unit.get().dimension().equals(dimension)) {
            throw PeakFeeDesign.error(scenario, "parameter '" + name + "' of design '"
                    + PeakFeeDesign.NAME + "' must be " + example + ", found '" + text + "'",
                    "write a number and a unit, for example param " + name + " = " + example);
        }
        double value = unit.get().toCanonical(Double.parseDouble(m.group(1)));
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw PeakFeeDesign.error(scenario, "parameter '" + name + "' must be finite and at least 0, found '"
                    + text + "'", "write " + example);
        }
        return value;
    }
}
