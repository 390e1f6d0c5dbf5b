package io.mderesponse.hunting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service stops at start on a missing or invalid query file, naming hunting.path and the position. */
class QueryFileAtStartTest {

    @TempDir
    Path dir;

    @Test
    void anInvalidFileStopsTheServiceNamingThePropertyAndTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("q.yaml"), """
                queries:
                  - id: ok
                    query: DeviceEvents
                    interval: 5m
                    lookback: 1h
                  - id: broken
                    query: DeviceEvents
                    interval: 5m
                """);

        assertThatThrownBy(() -> HuntingWiring.loadQueries(config(file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("hunting.path: Invalid query file " + file)
                .hasMessageContaining("at line ")
                .hasMessageContaining("query broken: 'lookback' is required");
    }

    @Test
    void aMissingFileStopsTheServiceNamingTheProperty() {
        assertThatThrownBy(() -> HuntingWiring.loadQueries(config(dir.resolve("none.yaml").toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("hunting.path: Cannot read the query file");
    }

    @Test
    void noPathMeansNoQueries() {
        assertThat(HuntingWiring.loadQueries(config(null))).isEmpty();
    }

    private static HuntingConfig config(String path) {
        return new HuntingConfig() {
            @Override
            public Optional<String> path() {
                return Optional.ofNullable(path);
            }

            @Override
            public HuntingApi api() {
                return HuntingApi.GRAPH;
            }

            @Override
            public Duration tick() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration sessionTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration seenRetention() {
                return Duration.ofDays(31);
            }

            @Override
            public Duration failureBackoff() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration quotaPause() {
                return Duration.ofMinutes(1);
            }
        };
    }
}
