package io.mderesponse.systemtests.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every service is laid out alike, so a newcomer finds the same role in the same folder of any service: Kafka
 * adapters in {@code messaging}, logic in {@code service}, state topics in {@code state}, Defender calls in
 * {@code defender}, and so on (docs/decisions.md, "Every service laid out alike").
 */
class ServiceLayoutTest {

    /** The roles a service's top-level packages may have. */
    private static final Set<String> ROLES = Set.of("config", "messaging", "service", "state", "defender", "rest",
            "health", "metrics");
    /** The notifier's SMTP adapter is its second outside system, the counterpart of {@code defender}. */
    private static final Map<String, Set<String>> EXTRA = Map.of("notifier-service", Set.of("mail"));
    private static final Map<String, String> BASE_PACKAGES = Map.of(
            "alert-poller", "poller",
            "enrichment-service", "enrichment",
            "decision-service", "decision",
            "response-service", "response",
            "notifier-service", "notifier",
            "hunting-scheduler", "hunting");

    @Test
    void everyServiceHasOnlyTheAgreedTopLevelPackages() throws IOException {
        for (Map.Entry<String, String> service : BASE_PACKAGES.entrySet()) {
            Path base = ProjectLayout.root().resolve(service.getKey())
                    .resolve("src/main/java/io/mderesponse").resolve(service.getValue());
            List<String> packages;
            try (Stream<Path> entries = Files.list(base)) {
                packages = entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).toList();
            }
            assertThat(packages).as(service.getKey() + " top-level packages").isNotEmpty()
                    .allMatch(name -> ROLES.contains(name) || EXTRA.getOrDefault(service.getKey(), Set.of())
                            .contains(name), "one of " + ROLES);
            try (Stream<Path> files = Files.list(base)) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .as(service.getKey() + " classes outside a role package").isEmpty();
            }
        }
    }

    @Test
    void everyServiceWiresItsPlainClassesInOneConfigClass() throws IOException {
        for (Map.Entry<String, String> service : BASE_PACKAGES.entrySet()) {
            Path config = ProjectLayout.root().resolve(service.getKey())
                    .resolve("src/main/java/io/mderesponse").resolve(service.getValue()).resolve("config");
            List<String> wiring;
            try (Stream<Path> files = Files.list(config)) {
                wiring = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("Wiring.java"))
                        .toList();
            }
            assertThat(wiring).as(service.getKey() + " wiring classes").hasSize(1);
        }
    }
}
