package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.decision.config.RulesConfig;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

/**
 * The limits the parser uses without configuration (tests, tools) are those the service starts with: the
 * {@code @WithDefault}s of {@link RulesConfig}.
 */
class RuleLimitsDefaultsTest {

    @Test
    void theDefaultLimitsAreTheConfigurationDefaults() throws Exception {
        RuleLimits configured = new RuleLimits(Long.parseLong(defaultOf("maxCost")),
                Integer.parseInt(defaultOf("maxExpressionLength")), Integer.parseInt(defaultOf("maxExpressionNodes")),
                Integer.parseInt(defaultOf("maxExpressionDepth")));

        assertThat(configured).isEqualTo(RuleLimits.DEFAULTS);
    }

    private static String defaultOf(String method) throws NoSuchMethodException {
        return RulesConfig.class.getMethod(method).getAnnotation(WithDefault.class).value();
    }
}
