package io.mderesponse.systemtests.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.systemtests.config.ConfigMappingScanner.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source reader behind {@link ConfigurationDocumentedTest} sees properties the way SmallRye Config does. */
class ConfigMappingScannerTest {

    private static final String MAPPING = """
            package example;

            import io.smallrye.config.ConfigMapping;
            import io.smallrye.config.WithDefault;
            import io.smallrye.config.WithName;
            import io.smallrye.config.WithParentName;
            import java.time.Duration;
            import java.util.Map;
            import java.util.Optional;

            /** A mapping; this comment mentions interface Nothing { and a brace. */
            @ConfigMapping(prefix = "demo")
            public interface DemoConfig {

                String CONSTANT = "not a property";

                // String commentedOut();

                /** The first one. */
                @WithDefault("https://login.example/${demo.tenant-id}/token") // braces inside a string
                String tokenUrl();

                @WithName("renamed-thing")
                @WithDefault("3")
                int somethingElse();

                Optional<Duration> pageTTL();

                Api api();

                @WithParentName
                Flat flat();

                Map<String, Budget> budget();

                Map<String, String> labels();

                default Duration doubled() {
                    return pageTTL().orElse(Duration.ZERO).multipliedBy(2);
                }

                static DemoConfig none() {
                    return null;
                }

                interface Api {
                    @WithDefault("https://api.example")
                    String baseUrl();

                    Optional<Retry> retry();
                }

                interface Flat {
                    boolean enabled();
                }

                interface Budget {
                    @WithDefault("100")
                    int perMinute();
                }
            }
            """;

    private static final String TOP_LEVEL_GROUP = """
            package example;

            /** A group declared in a file of its own. */
            public interface Retry {
                int attempts();
            }
            """;

    @Test
    void reads_names_as_smallrye_config_does() {
        List<String> names = ConfigMappingScanner.scanSources("demo-module", List.of(MAPPING, TOP_LEVEL_GROUP))
                .stream().map(Property::name).toList();

        assertThat(names).containsExactlyInAnyOrder(
                "demo.token-url",
                "demo.renamed-thing",
                "demo.page-ttl",
                "demo.api.base-url",
                "demo.api.retry.attempts",
                "demo.enabled",
                "demo.budget.*.per-minute",
                "demo.labels.*");
    }

    @Test
    void names_environment_variables_as_smallrye_config_does() {
        assertThat(ConfigNames.environmentVariable("defender.api.base-url")).isEqualTo("DEFENDER_API_BASE_URL");
        assertThat(ConfigNames.environmentVariable("demo.budget.*.per-minute")).isEqualTo("DEMO_BUDGET_*_PER_MINUTE");
        assertThat(ConfigNames.normalise("defender.budget.<family>.per-minute"))
                .isEqualTo("defender.budget.*.per-minute");
    }

    @Test
    void kebab_cases_method_names() {
        assertThat(ConfigMappingScanner.kebab("pageSize")).isEqualTo("page-size");
        assertThat(ConfigMappingScanner.kebab("baseURL")).isEqualTo("base-url");
        assertThat(ConfigMappingScanner.kebab("machineactions")).isEqualTo("machineactions");
        assertThat(ConfigMappingScanner.kebab("http2Enabled")).isEqualTo("http2-enabled");
    }

    @Test
    void refuses_a_naming_strategy_it_does_not_know() {
        String snake = MAPPING.replace("@ConfigMapping(prefix = \"demo\")",
                "@ConfigMapping(prefix = \"demo\", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)");
        assertThatThrownBy(() -> ConfigMappingScanner.scanSources("demo-module", List.of(snake)))
                .hasMessageContaining("naming strategy");
    }
}
