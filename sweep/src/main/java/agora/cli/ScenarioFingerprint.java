package agora.cli;

import agora.scenario.Line;
import agora.scenario.Peer;
import agora.scenario.Profile;
import agora.scenario.Scenario;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of what a compiled scenario solves: its source texts ({@link Scenario#sourceHash()}),
 * parameters, horizon, every peer's bounds, costs and prices and every line's capacity step by
 * step (which carry the data files' numbers), collectives, tariffs, network and market settings. Equal on the driver and an
 * executor when both read the same files.
 */
final class ScenarioFingerprint {
    private ScenarioFingerprint() {
    }

    static String of(Scenario s) {
        MessageDigest sha = sha256();
        text(sha, s.sourceHash());
        text(sha, s.params().toString());
        text(sha, s.time().toString());
        for (Peer p : s.peers()) {
            text(sha, p.name() + "|" + p.kind() + "|" + p.bus() + "|" + p.cost() + "|"
                    + p.energyTypes() + "|" + p.preferences());
            for (Profile profile : new Profile[] {p.pmin(), p.pmax(), p.importPrice(), p.exportPrice()}) {
                values(sha, profile);
            }
        }
        text(sha, s.collectives().toString());
        text(sha, s.tariffs().toString());
        text(sha, s.network().toString());
        for (Line line : s.network().lines()) {
            values(sha, line.capacity()); // dynamic ratings may come from a data file
        }
        text(sha, s.market().toString());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static void values(MessageDigest sha, Profile profile) {
        if (profile == null) {
            sha.update((byte) 1);
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Double.BYTES * profile.length());
        for (double v : profile.values()) {
            buffer.putDouble(v);
        }
        sha.update(buffer.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
