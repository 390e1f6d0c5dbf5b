package io.mderesponse.defender.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Alert filters: known fields only, values written as safe OData literals. */
class AlertQueryTest {

    @Test
    void timestampsAreWrittenUnquotedInUtcIso8601() {
        AlertQuery query = AlertQuery.builder().lastUpdatedSince(Instant.parse("2021-01-24T10:00:00Z")).build();

        assertThat(query.filter()).contains("lastUpdateTime ge 2021-01-24T10:00:00Z");
    }

    @Test
    void fractionalSecondsAreKept() {
        AlertQuery query = AlertQuery.builder()
                .createdAfter(Instant.parse("2021-01-26T20:33:57.722Z")).build();

        assertThat(query.filter()).contains("alertCreationTime gt 2021-01-26T20:33:57.722Z");
    }

    @Test
    void stringsAreSingleQuotedWithQuotesDoubled() {
        AlertQuery query = AlertQuery.builder()
                .where(AlertField.ASSIGNED_TO, Comparison.EQ, "o'brien@contoso.com' or 1 eq 1 or 'x")
                .build();

        assertThat(query.filter()).contains("assignedTo eq 'o''brien@contoso.com'' or 1 eq 1 or ''x'");
    }

    @Test
    void clausesAreJoinedWithAndInTheOrderGiven() {
        AlertQuery query = AlertQuery.builder()
                .lastUpdatedSince(Instant.parse("2021-01-24T10:00:00Z"))
                .where(AlertField.STATUS, Comparison.NE, "Resolved")
                .where(AlertField.SEVERITY, Comparison.EQ, Severity.High)
                .where(AlertField.INCIDENT_ID, Comparison.EQ, 1126093L)
                .build();

        assertThat(query.filter()).contains("lastUpdateTime ge 2021-01-24T10:00:00Z and status ne 'Resolved'"
                + " and severity eq 'High' and incidentId eq 1126093");
    }

    @Test
    void orderingTopSkipAndExpandAreCarriedAsTheirOwnParameters() {
        AlertQuery query = AlertQuery.builder()
                .orderBy(AlertField.LAST_UPDATE_TIME, SortDirection.ASC)
                .orderBy(AlertField.ID, SortDirection.DESC)
                .top(500).skip(1000).expandEvidence().build();

        assertThat(query.filter()).isEmpty();
        assertThat(query.orderBy()).contains("lastUpdateTime asc,id desc");
        assertThat(query.top()).hasValue(500);
        assertThat(query.skip()).hasValue(1000);
        assertThat(query.expand()).contains("evidence");
    }

    @Test
    void anEmptyQueryHasNoParameters() {
        AlertQuery query = AlertQuery.all();

        assertThat(query.filter()).isEmpty();
        assertThat(query.orderBy()).isEmpty();
        assertThat(query.top()).isEmpty();
        assertThat(query.skip()).isEmpty();
        assertThat(query.expand()).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindForTheFieldIsRefused() {
        AlertQuery.Builder builder = AlertQuery.builder();

        assertThatThrownBy(() -> builder.where(AlertField.LAST_UPDATE_TIME, Comparison.GE, "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastUpdateTime");
        assertThatThrownBy(() -> builder.where(AlertField.STATUS, Comparison.EQ, 3L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.where(AlertField.STATUS, Comparison.EQ, Severity.High))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAlertIdFilterTakesOnlyValidAlertIds() {
        assertThatThrownBy(() -> AlertQuery.builder().where(AlertField.ID, Comparison.EQ, "x' or id ne 'y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alert id");
        assertThat(AlertQuery.builder().where(AlertField.ID, Comparison.EQ, "da637472900382838869_1364969609")
                .build().filter()).contains("id eq 'da637472900382838869_1364969609'");
    }

    @Test
    void topOutsideDefendersLimitsIsRefused() {
        assertThatThrownBy(() -> AlertQuery.builder().top(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertQuery.builder().top(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertQuery.builder().skip(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AlertQuery.builder().top(AlertQuery.MAX_TOP).build().top()).hasValue(10_000);
    }
}
