package io.mderesponse.defender.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.defender.client.budget.BudgetLimits;
import io.mderesponse.defender.client.budget.FamilyLimit;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code defender.*} names, their defaults and what is required, as Quarkus reads them at start. */
class DefenderConfigTest {

    private static DefenderConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors() // expands ${defender.tenant-id}, as Quarkus does
                .withMapping(DefenderConfig.class)
                // Quarkus' converter, which reads 30s as well as PT30S.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .build();
        return config.getConfigMapping(DefenderConfig.class);
    }

    @Test
    void withOnlyTheCredentialsEveryOtherSettingHasItsDocumentedDefault() {
        DefenderConfig config = read(Map.of("defender.tenant-id", "contoso-tenant", "defender.client-id", "app",
                "defender.client-secret", "secret"));

        assertThat(config.api().baseUrl()).isEqualTo("https://api.securitycenter.microsoft.com");
        assertThat(config.tokenUrl())
                .isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
        assertThat(config.scope()).isEqualTo("https://api.securitycenter.microsoft.com/.default");
        assertThat(config.retry().initial()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.retry().max()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.retry().attempts()).isEqualTo(5);
        assertThat(config.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.tokenRefreshSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.api().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.api().queryTimeout()).isEqualTo(Duration.ofSeconds(210));
    }

    @Test
    void missingCredentialsAreReportedByTheirPropertyNames() {
        assertThatThrownBy(() -> read(Map.of()))
                .hasMessageContaining("defender.tenant-id")
                .hasMessageContaining("defender.client-id")
                .hasMessageContaining("defender.client-secret");
    }

    @Test
    void durationsAcceptBothShortAndIsoForms() {
        DefenderConfig config = read(Map.of("defender.tenant-id", "t", "defender.client-id", "c",
                "defender.client-secret", "s", "defender.retry.initial", "PT0.2S", "defender.retry.max", "2s"));

        assertThat(config.retry().initial()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retry().max()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theBudgetDefaultsToTheServicesShareInOneMinuteWindows() {
        DefenderConfig config = read(Map.of("defender.tenant-id", "t", "defender.client-id", "c",
                "defender.client-secret", "s"));

        assertThat(config.budget().window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.budget().maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.budget().replicas()).isEqualTo(1);
        assertThat(config.budget().lowPriorityReserve()).isEqualTo(0.2);
        assertThat(config.budget().service()).isEmpty();
        assertThat(config.budget().alerts().perMinute()).isEmpty();
        assertThat(BudgetLimits.resolve(config.budget(), "enrichment-service"))
                .containsEntry(ApiFamily.ALERTS,
                        new FamilyLimit(80, 1200))
                .containsEntry(ApiFamily.ISOLATE,
                        new FamilyLimit(0, 0));
    }

    @Test
    void explicitSharesWinAndReplicasDivideOnlyTheDefaults() {
        DefenderConfig config = read(Map.of("defender.tenant-id", "t", "defender.client-id", "c",
                "defender.client-secret", "s", "defender.budget.replicas", "2", "defender.budget.window", "2s",
                "defender.budget.alerts.per-minute", "50"));

        assertThat(config.budget().window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(BudgetLimits.resolve(config.budget(), "enrichment-service"))
                .containsEntry(ApiFamily.ALERTS,
                        new FamilyLimit(50, 600))
                .containsEntry(ApiFamily.MACHINES,
                        new FamilyLimit(50, 750));
    }
}
