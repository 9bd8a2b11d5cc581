package agora.market.admm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.formulation.SlotPrice;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Privacy is structural: an agent (and a pool's coordinator) can only ever hold its own data and
 * the messages it receives. Checked by reflection over every field reachable from their classes,
 * and by construction: an agent is built from its {@link AgentData} alone and answers messages.
 */
class AgentPrivacyTest {

    /** Types an agent's state may be made of: numbers, its own data, its own strings. */
    /**
     * Numbers, its own name, cost and bounds, and its slots' prices: a {@link SlotPrice} holds a
     * per-MWh charge and, for the grid's own slots, the grid's prices; nothing about a partner.
     */
    private static final Set<Class<?>> ALLOWED = Set.of(double.class, int.class, boolean.class,
            double[].class, boolean[].class, String.class, Profile.class, QuadraticCost.class,
            SlotPrice[].class, double[][].class, Profile[].class);

    /** Every field type reachable from {@code root} through classes of this package. */
    private static List<String> disallowedFields(Class<?> root) {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> type = todo.remove(todo.size() - 1);
            if (!seen.add(type)) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    assertTrue(Modifier.isFinal(field.getModifiers()) && field.getType().isPrimitive(),
                            type.getSimpleName() + "." + field.getName()
                                    + ": only primitive constants may be static (no shared state)");
                    continue;
                }
                Class<?> fieldType = field.getType();
                if (fieldType.getPackage() == AgentData.class.getPackage()) {
                    todo.add(fieldType);
                } else if (!ALLOWED.contains(fieldType)) {
                    problems.add(type.getSimpleName() + "." + field.getName() + " : " + fieldType.getName());
                }
            }
        }
        return problems;
    }

    @Test
    void agentsHoldOnlyNumbersAndTheirOwnData() {
        assertEquals(List.of(), disallowedFields(Agent.class));
        assertEquals(List.of(), disallowedFields(PoolCoordinator.class));
        assertEquals(List.of(), disallowedFields(NetworkOperator.class));
    }

    @Test
    void agentDataNamesNothingButItsOwner() {
        for (RecordComponent component : AgentData.class.getRecordComponents()) {
            assertTrue(ALLOWED.contains(component.getType()),
                    "AgentData." + component.getName() + " : " + component.getType().getName());
        }
    }

    @Test
    void anAgentIsBuiltFromItsOwnDataAlone() {
        for (Constructor<?> constructor : Agent.class.getDeclaredConstructors()) {
            assertArrayEquals(new Class<?>[] {AgentData.class}, constructor.getParameterTypes());
        }
        for (Constructor<?> constructor : PoolCoordinator.class.getDeclaredConstructors()) {
            assertArrayEquals(new Class<?>[] {int.class}, constructor.getParameterTypes());
        }
        // the network operator: the lines' distribution factors and capacities, nothing of a peer
        for (Constructor<?> constructor : NetworkOperator.class.getDeclaredConstructors()) {
            assertArrayEquals(new Class<?>[] {double[][].class, Profile[].class},
                    constructor.getParameterTypes());
        }
    }

    /**
     * Built from its own data, an agent answers a message without knowing who sent it: a
     * producer (C = p² + 10 p on [0, 50]) with one trade slot, rho = 1, no over-relaxation.
     */
    @Test
    void anAgentAnswersMessagesFromItsOwnDataOnly() {
        Profile zero = Profile.constant(0, 1);
        Profile fifty = Profile.constant(50, 1);
        Agent producer = new Agent(new AgentData("g", new QuadraticCost(1, 10, 0), zero, fifty,
                new SlotPrice[] {SlotPrice.perMWh(0)}, new double[] {0},
                new double[] {Double.POSITIVE_INFINITY}, new boolean[] {false}));
        assertEquals(null, producer.prepare(0));
        producer.setPenalty(1.0);
        producer.setRelaxation(1.0);
        producer.propose(false);
        // its first proposal, with no price yet: p² + 10 p + p²/2 is smallest at p = 0 (bound)
        assertEquals(0.0, producer.proposal(0), 1e-12);
        // the partner offers to buy 20 at price 30: mail sets t = (0 - (-20))/2 = 10 and
        // lambda = 0 + 1/2 (0 - 20) = -10; solve p² + 10 p - 10 p + (p - 10)²/2: 3p - 10 = 0
        producer.mailbox()[1] = -20;
        producer.propose(true);
        assertEquals(10.0 / 3, producer.proposal(0), 1e-9);
    }
}
