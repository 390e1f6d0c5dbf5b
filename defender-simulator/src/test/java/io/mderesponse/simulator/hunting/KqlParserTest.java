package io.mderesponse.simulator.hunting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.simulator.error.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KQL subset: what parses, and that anything else is refused rather than misread. */
class KqlParserTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void parsesTableWhereProjectAndLimit() {
        KqlQuery query = KqlParser.parse(
                "DeviceProcessEvents | where FileName =~ 'CSC.exe' and Timestamp > ago(1h)"
                        + " | project FileName | limit 5",
                NOW);

        assertThat(query.table()).isEqualTo("DeviceProcessEvents");
        KqlQuery.Where where = (KqlQuery.Where) query.stages().get(0);
        assertThat(where.conditions()).extracting(KqlQuery.Condition::operator).containsExactly("=~", ">");
        assertThat(where.conditions().get(1).value()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        assertThat(query.stages().get(1)).isEqualTo(new KqlQuery.Project(List.of("FileName")));
        assertThat(query.stages().get(2)).isEqualTo(new KqlQuery.Limit(5));
    }

    @Test
    void readsDatetimeLiterals() {
        KqlQuery query = KqlParser.parse("T | where Timestamp >= datetime(2024-01-01T00:00:00Z)", NOW);

        assertThat(((KqlQuery.Where) query.stages().get(0)).conditions().get(0).value())
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void refusesOperatorsOutsideTheSubset() {
        assertThatThrownBy(() -> KqlParser.parse("T | summarize count() by DeviceId", NOW))
                .isInstanceOf(ApiException.class).hasMessageContaining("summarize");
    }

    @Test
    void equalityIsCaseSensitiveAndTildeEqualityIsNot() {
        assertThat(new KqlQuery.Condition("A", "==", "csc.exe").test("CSC.exe")).isFalse();
        assertThat(new KqlQuery.Condition("A", "=~", "csc.exe").test("CSC.exe")).isTrue();
        assertThat(new KqlQuery.Condition("A", "has", "csc").test("c:\\CSC.exe")).isTrue();
    }
}
