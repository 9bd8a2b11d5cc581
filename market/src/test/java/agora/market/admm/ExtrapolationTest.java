package agora.market.admm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a negotiation jumps along its straight-line phase, and how far. */
class ExtrapolationTest {
    /** A round whose consensus step (norm 1) changed by {@code turn}. */
    static Residuals round(double turn) {
        Residuals r = new Residuals();
        r.consensusChange = 1.0;
        r.velocityChange = turn * turn;
        return r;
    }

    @Test
    void jumpsToTheFirstKinkAfterSteadyRounds() {
        Extrapolation e = new Extrapolation();
        e.reset();
        for (int i = 1; i < Extrapolation.STEADY_ROUNDS; i++) {
            assertFalse(e.straight(round(1e-9)));
        }
        assertTrue(e.straight(round(1e-9)));
        assertEquals(500.0, e.accept(500.0));
        // the count starts again after a jump
        assertFalse(e.straight(round(1e-9)));
    }

    @Test
    void staysWhileTheLineBends() {
        Extrapolation e = new Extrapolation();
        e.reset();
        for (int i = 0; i < 2 * Extrapolation.STEADY_ROUNDS; i++) {
            assertFalse(e.straight(round(1e-9)));
            assertFalse(e.straight(round(10 * Extrapolation.SAME_STEP)));
        }
    }

    @Test
    void staysWhenNoValueHeadsForZeroOrTheKinkIsNear() {
        Extrapolation e = new Extrapolation();
        e.reset();
        for (int i = 0; i < Extrapolation.STEADY_ROUNDS; i++) {
            e.straight(round(0.0));
        }
        assertEquals(0.0, e.accept(Double.POSITIVE_INFINITY));
        assertEquals(0.0, e.accept(Extrapolation.MIN_STEPS / 2));
        // still straight: the next round may jump
        assertTrue(e.straight(round(0.0)));
    }

    @Test
    void stepsToZeroCountOnlyTowardsIt() {
        assertEquals(4.0, Extrapolation.stepsToZero(2.0, -0.5));
        assertEquals(Double.POSITIVE_INFINITY, Extrapolation.stepsToZero(2.0, 0.5));
        assertEquals(Double.POSITIVE_INFINITY, Extrapolation.stepsToZero(0.0, 0.5));
    }
}
