package io.mderesponse.hunting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.service.query.Schedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowValuesTest {

    private static final Map<String, String> TYPES = Map.of("Timestamp", "DateTime", "Count", "Int64",
            "Score", "Double", "Flag", "Boolean", "Name", "String", "Extra", "Dynamic");
    private static final HuntingQuery QUERY = new HuntingQuery("q", "T", new Schedule.Every(Duration.ofMinutes(1)),
            Duration.ofMinutes(5), null, List.of());

    @Test
    void dateTimesOfAnyPrecisionOrOffsetBecomeOneInstantFormWithSevenDigits() {
        for (String written : List.of("2026-12-04T10:00:00.5Z", "2026-12-04T10:00:00.500Z",
                "2026-12-04T10:00:00.5000000Z", "2026-12-04T11:00:00.5+01:00", "2026-12-04T10:00:00.500000000Z")) {
            assertThat(RowValues.normalise("DateTime", written)).as(written).isEqualTo("2026-12-04T10:00:00.5000000Z");
        }
        assertThat(RowValues.normalise("DateTime", "2026-12-04T10:00:00Z")).isEqualTo("2026-12-04T10:00:00.0000000Z");
    }

    @Test
    void numbersAndBooleansSentAsStringsBecomeTheirJsonForm() {
        assertThat(RowValues.normalise("Int64", "4242")).isEqualTo(4242L);
        assertThat(RowValues.normalise("Int64", 4242)).isEqualTo(4242L);
        assertThat(RowValues.normalise("Double", "1.5")).isEqualTo(1.5);
        assertThat(RowValues.normalise("Double", 2)).isEqualTo(2.0);
        assertThat(RowValues.normalise("Boolean", "True")).isEqualTo(true);
    }

    @Test
    void valuesOfOtherTypesNullsAndUnreadableValuesStayAsSent() {
        assertThat(RowValues.normalise("String", "0042")).isEqualTo("0042");
        assertThat(RowValues.normalise("Dynamic", Map.of("a", 1))).isEqualTo(Map.of("a", 1));
        assertThat(RowValues.normalise("Int64", "not a number")).isEqualTo("not a number");
        assertThat(RowValues.normalise("DateTime", "yesterday")).isEqualTo("yesterday");
        assertThat(RowValues.normalise("DateTime", null)).isNull();
        assertThat(RowValues.normalise(null, "x")).isEqualTo("x");
    }

    @Test
    void theSameRowFromEitherApiGetsTheSameKeyAndADefenderRowKeepsItsFormerKey() {
        Map<String, Object> defender = new LinkedHashMap<>();
        defender.put("Timestamp", "2026-12-04T10:00:00.1234567Z");
        defender.put("Count", 7);
        defender.put("Score", 0.5);
        defender.put("Name", "cmd.exe");
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("Name", "cmd.exe");
        graph.put("Count", "7");
        graph.put("Timestamp", "2026-12-04T10:00:00.1234567+00:00");
        graph.put("Score", 0.5);

        String fromDefender = RowKeys.of(QUERY, RowValues.normalise(TYPES, defender));
        assertThat(RowKeys.of(QUERY, RowValues.normalise(TYPES, graph))).isEqualTo(fromDefender);
        assertThat(fromDefender).as("the key Defender's own values had before normalisation")
                .isEqualTo(RowKeys.of(QUERY, defender));
    }
}
