package io.mderesponse.decision.service.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.decision.config.RulesConfig;
import io.mderesponse.decision.service.rules.RuleLimits;
import io.mderesponse.decision.service.backtest.Backtest;
import io.mderesponse.decision.service.rules.BundledRules;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.RuleFileParser;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules at start: the bundled file without {@code rules.path}; a bad or missing file stops the service. */
class RulesStartTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @TempDir
    Path temp;

    @Test
    void withoutAPathTheBundledRulesDecide() {
        ActiveRules.Loaded loaded = RulesRuntime.initial(config(null), PARSER, Clock.systemUTC());

        assertThat(loaded.source()).isEqualTo("bundled");
        assertThat(loaded.version()).isEqualTo(BundledRules.VERSION);
        assertThat(loaded.ruleSet().rules()).extracting(rule -> rule.id()).containsExactly("isolate-high");
    }

    @Test
    void aValidFileAtThePathDecides() throws Exception {
        Path file = Files.writeString(temp.resolve("rules.yaml"), RuleFileReloaderTest.MEDIUM);

        ActiveRules.Loaded loaded = RulesRuntime.initial(config(file), PARSER, Clock.systemUTC());

        assertThat(loaded.source()).isEqualTo(file.toString());
        assertThat(loaded.version()).isEqualTo(RuleFileReloaderTest.hash(RuleFileReloaderTest.MEDIUM));
    }

    @Test
    void anInvalidFileAtStartStopsTheServiceNamingThePathAndTheError() throws Exception {
        Path file = Files.writeString(temp.resolve("rules.yaml"), RuleFileReloaderTest.BROKEN);

        assertThatThrownBy(() -> RulesRuntime.initial(config(file), PARSER, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rules.path=" + file)
                .hasMessageContaining("line 3, column 16 (rule notify-medium)")
                .hasMessageContaining("undefined field 'sevrity'");
    }

    @Test
    void aMissingFileAtStartStopsTheService() {
        Path file = temp.resolve("absent.yaml");

        assertThatThrownBy(() -> RulesRuntime.initial(config(file), PARSER, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("rules.path=" + file)
                .hasMessageContaining("cannot read");
    }

    private static RulesConfig config(Path path) {
        return new RulesConfig() {
            @Override
            public Optional<Path> path() {
                return Optional.ofNullable(path);
            }

            @Override
            public Duration reloadInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public long maxCost() {
                return RuleLimits.DEFAULTS.maxCost();
            }

            @Override
            public int maxExpressionLength() {
                return RuleLimits.DEFAULTS.maxExpressionLength();
            }

            @Override
            public int maxExpressionNodes() {
                return RuleLimits.DEFAULTS.maxExpressionNodes();
            }

            @Override
            public int maxExpressionDepth() {
                return RuleLimits.DEFAULTS.maxExpressionDepth();
            }

            @Override
            public Backtest backtest() {
                return null;
            }
        };
    }
}
