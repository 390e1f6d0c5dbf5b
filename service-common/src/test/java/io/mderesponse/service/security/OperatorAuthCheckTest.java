package io.mderesponse.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OperatorAuthCheckTest {

    @Test
    void anIdentityProviderWithoutAnAudienceStopsTheStartNamingTheProperty() {
        OperatorAuthCheck check = new OperatorAuthCheck(config(OperatorAuthConfig.Mode.OIDC, null), true);

        assertThatThrownBy(check::requireAudience).hasMessageContaining("operator.auth.audience")
                .hasMessageContaining("OPERATOR_AUTH_AUDIENCE");
        assertThatThrownBy(new OperatorAuthCheck(config(OperatorAuthConfig.Mode.OIDC, " "), true)::requireAudience)
                .hasMessageContaining("operator.auth.audience");
    }

    @Test
    void anAudienceOrNoIdentityProviderAtAllStarts() {
        assertThatCode(new OperatorAuthCheck(config(OperatorAuthConfig.Mode.OIDC, "api://soc"), true)::requireAudience)
                .doesNotThrowAnyException();
        assertThatCode(new OperatorAuthCheck(config(OperatorAuthConfig.Mode.OIDC, null), false)::requireAudience)
                .doesNotThrowAnyException();
    }

    @Test
    void readinessCarriesAWarningOnlyWhenTheEndpointsAreOpen() {
        HealthCheckResponse open = new OperatorAuthCheck(config(OperatorAuthConfig.Mode.NONE, null), false).call();
        HealthCheckResponse closed = new OperatorAuthCheck(config(OperatorAuthConfig.Mode.OIDC, "a"), true).call();

        assertThat(open.getData().orElseThrow()).containsEntry("mode", "none").containsKey("warning");
        assertThat(closed.getData().orElseThrow()).containsEntry("mode", "oidc").doesNotContainKey("warning");
    }

    private static OperatorAuthConfig config(OperatorAuthConfig.Mode mode, String audience) {
        return new OperatorAuthConfig() {
            @Override
            public Mode mode() {
                return mode;
            }

            @Override
            public Optional<String> audience() {
                return Optional.ofNullable(audience);
            }
        };
    }
}
