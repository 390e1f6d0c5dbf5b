package io.mderesponse.testsupport.defender;

import io.mderesponse.testsupport.process.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The packaged Defender simulator, one JVM per distinct set of start-up settings per test JVM, started on
 * first use and stopped when the test JVM exits.
 *
 * <p>As with {@code SharedKafkaBroker}, Quarkus loads test resources in a class loader per application, so
 * running simulators are recorded in JVM-wide system properties (one per settings set), which every class
 * loader sees. Test classes sharing a simulator share its state: use unique alert and machine ids per test.
 */
public final class SharedDefenderSimulator {

    /** Prefix of the system properties holding the base URL of each running simulator. */
    static final String PROPERTY_PREFIX = "mde-response.test.defender-simulator.";
    static final String MODULE = "defender-simulator";

    private SharedDefenderSimulator() {
    }

    /** The base URL of a simulator started with exactly these environment variables, starting one if needed. */
    public static String baseUrl(Map<String, String> environment) {
        String property = PROPERTY_PREFIX + fingerprint(environment);
        synchronized (System.class) {
            String running = System.getProperty(property);
            if (running != null) {
                return running;
            }
            ServiceProcess simulator = ServiceProcess.module(MODULE)
                    .name(MODULE + "-" + fingerprint(environment).substring(0, 8))
                    .env(environment)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "defender-simulator-stop"));
            System.setProperty(property, simulator.baseUrl());
            return simulator.baseUrl();
        }
    }

    /** A stable name for a settings set: equal settings share a simulator, whatever their order. */
    static String fingerprint(Map<String, String> environment) {
        String canonical = new TreeMap<>(environment).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
