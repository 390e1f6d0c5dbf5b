package io.mderesponse.testsupport.defender;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid Defender ids, so tests sharing a simulator never see each other's machines and alerts. */
public final class TestIds {

    private TestIds() {
    }

    /** A machine id: 40 lowercase hex characters. */
    public static String machineId() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An alert id shaped like Defender's, e.g. {@code da638180599315648136_73827727}. */
    public static String alertId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "da" + random.nextLong(600_000_000_000_000_000L, 700_000_000_000_000_000L) + "_"
                + random.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
