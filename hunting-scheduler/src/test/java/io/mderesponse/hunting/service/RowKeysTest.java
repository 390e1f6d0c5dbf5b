package io.mderesponse.hunting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.service.query.Schedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row key is documented and stored in the scheduler's state: it must not change between releases. */
class RowKeysTest {

    private static final HuntingQuery ALL_COLUMNS = query(List.of());
    private static final HuntingQuery KEY_COLUMNS = query(List.of("Timestamp", "DeviceId"));

    @Test
    void isTheQueryIdAndTheFirst32HexDigitsOfTheSha256OfTheRowsSortedCompactJson() {
        // sha256('{"Count":3,"DeviceId":"abc","Timestamp":"2026-12-07T10:00:00Z"}'), computed outside Java
        assertThat(RowKeys.of(ALL_COLUMNS, row("Timestamp", "DeviceId", "Count")))
                .isEqualTo("q1:dc74d8ee00a975f6a0305cc083211b69");
    }

    @Test
    void doesNotDependOnTheOrderOfTheColumns() {
        assertThat(RowKeys.of(ALL_COLUMNS, row("Count", "DeviceId", "Timestamp")))
                .isEqualTo(RowKeys.of(ALL_COLUMNS, row("Timestamp", "Count", "DeviceId")));
    }

    @Test
    void withKeyColumnsHashesOnlyThoseWhateverOrderTheQueryNamesThemIn() {
        // sha256('{"DeviceId":"abc","Timestamp":"2026-12-07T10:00:00Z"}')
        assertThat(RowKeys.of(KEY_COLUMNS, row("Count", "Timestamp", "DeviceId")))
                .isEqualTo("q1:01b6744d7fd111ebb1d967fe784572d2");
        Map<String, Object> otherCount = row("Timestamp", "DeviceId", "Count");
        otherCount.put("Count", 4);
        assertThat(RowKeys.of(KEY_COLUMNS, otherCount)).isEqualTo("q1:01b6744d7fd111ebb1d967fe784572d2");
    }

    @Test
    void aRowWithAnyOtherValueHasAnotherKey() {
        Map<String, Object> other = row("Timestamp", "DeviceId", "Count");
        other.put("DeviceId", "abd");
        assertThat(RowKeys.of(ALL_COLUMNS, other)).isNotEqualTo("q1:dc74d8ee00a975f6a0305cc083211b69");
    }

    private static Map<String, Object> row(String... columnOrder) {
        Map<String, Object> values = Map.of("Timestamp", "2026-12-07T10:00:00Z", "DeviceId", "abc", "Count", 3);
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : columnOrder) {
            row.put(column, values.get(column));
        }
        return row;
    }

    private static HuntingQuery query(List<String> keyColumns) {
        return new HuntingQuery("q1", "DeviceProcessEvents", new Schedule.Every(Duration.ofMinutes(5)),
                Duration.ofMinutes(10), null, keyColumns);
    }
}
