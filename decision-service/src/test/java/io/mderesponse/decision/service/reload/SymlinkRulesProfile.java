package io.mderesponse.decision.service.reload;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rules from a ConfigMap-style directory (a symlinked file), checked every 200 ms. The directory is created once
 * per JVM and published in a system property, because Quarkus loads this class in more than one class loader.
 */
public class SymlinkRulesProfile implements QuarkusTestProfile {

    private static final String DIRECTORY_PROPERTY = "decision-service.test.rules-dir";

    static final String INITIAL = """
            rules:
              - id: initial-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
            """;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rules.path", configMap().file().toString(), "rules.reload-interval", "200ms");
    }

    /** The directory, laid out with {@link #INITIAL} on first use. */
    static ConfigMapDirectory configMap() {
        synchronized (System.class) {
            String existing = System.getProperty(DIRECTORY_PROPERTY);
            if (existing != null) {
                return ConfigMapDirectory.open(Path.of(existing));
            }
            try {
                // Under the build directory, so 'mvn clean' removes it.
                Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                        "rules-reload-").resolve("config");
                ConfigMapDirectory created = ConfigMapDirectory.create(root, INITIAL);
                System.setProperty(DIRECTORY_PROPERTY, root.toString());
                return created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
