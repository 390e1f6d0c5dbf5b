package io.mderesponse.defender.client.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.defender.client.ApiFamily;
import org.junit.jupiter.api.Test;

/** The default shares: one replica of every service together uses exactly Defender's limits. */
class BudgetSharesTest {

    @Test
    void theSharesOfAllServicesAddUpToDefendersLimitForEveryFamily() {
        for (ApiFamily family : ApiFamily.values()) {
            int perMinute = 0;
            int perHour = 0;
            for (String service : Services.all()) {
                FamilyLimit share = BudgetShares.of(service).get(family);
                perMinute += share.perMinute();
                perHour += share.perHour();
            }
            assertThat(perMinute).as(family + " per minute").isEqualTo(family.tenantPerMinute());
            assertThat(perHour).as(family + " per hour").isEqualTo(family.tenantPerHour());
        }
        assertThat(ApiFamily.ALERTS.tenantPerMinute()).isEqualTo(100);
        assertThat(ApiFamily.ADVANCEDQUERIES.tenantPerMinute()).isEqualTo(45);
        assertThat(ApiFamily.ADVANCEDQUERIES.tenantPerHour()).isEqualTo(1500);
    }

    @Test
    void everyServiceOfTheSystemHasAnEntry() {
        assertThat(BudgetShares.services()).containsExactlyInAnyOrderElementsOf(Services.all());
    }

    @Test
    void aProcessThatIsNoKnownServiceGetsTheWholeLimit() {
        assertThat(BudgetShares.knows("a-test")).isFalse();
        assertThat(BudgetShares.of("a-test").get(ApiFamily.MACHINES)).isEqualTo(new FamilyLimit(100, 1500));
        assertThat(BudgetShares.of(null).get(ApiFamily.ADVANCEDQUERIES)).isEqualTo(new FamilyLimit(45, 1500));
    }

    @Test
    void aServiceHasNoShareOfFamiliesItDoesNotCall() {
        assertThat(BudgetShares.of("alert-poller").get(ApiFamily.ISOLATE).none()).isTrue();
        assertThat(BudgetShares.of("enrichment-service").get(ApiFamily.ALERTS)).isEqualTo(new FamilyLimit(80, 1200));
    }

    @Test
    void sharesDivideAmongReplicasRoundingDownButNeverToNothing() {
        assertThat(new FamilyLimit(80, 1200).dividedBy(3)).isEqualTo(new FamilyLimit(26, 400));
        assertThat(new FamilyLimit(2, 30).dividedBy(4)).isEqualTo(new FamilyLimit(1, 7));
        assertThat(new FamilyLimit(0, 0).dividedBy(2)).isEqualTo(new FamilyLimit(0, 0));
    }
}
