package io.mderesponse.hunting.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryFileTest {

    @Test
    void readsIntervalAndCronQueriesWithTheirLookBacks() {
        List<HuntingQuery> queries = QueryFile.parse("""
                queries:
                  - id: encoded-powershell
                    query: DeviceProcessEvents | where ProcessCommandLine has "-enc"
                    interval: 15m
                    lookback: 1h
                  - id: hourly
                    query: DeviceNetworkEvents | where RemotePort == 4444 | project DeviceId, RemoteIP
                    cron: "0 0 * * * ?"
                    lookback: 2h
                    keyColumns: [DeviceId, RemoteIP]
                """, "q.yaml");

        assertThat(queries).extracting(HuntingQuery::id).containsExactly("encoded-powershell", "hourly");
        assertThat(queries.get(0).schedule()).isEqualTo(new Schedule.Every(Duration.ofMinutes(15)));
        assertThat(queries.get(0).deviceIdColumn()).isEqualTo("DeviceId");
        assertThat(queries.get(1).schedule().next(Instant.parse("2026-01-01T10:20:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(queries.get(1).keyColumns()).containsExactly("DeviceId", "RemoteIP");
    }

    @Test
    void theLookBackGoesRightAfterTheTableOrIntoThePlaceholder() {
        HuntingQuery plain = QueryFile.parse("""
                queries:
                  - {id: a, query: "DeviceProcessEvents | take 10", interval: 1m, lookback: 5m}
                """, "q.yaml").get(0);
        HuntingQuery placed = QueryFile.parse("""
                queries:
                  - {id: b, query: "DeviceEvents | where Timestamp > ago({lookback}) | take 1", interval: 1m, lookback: 5m}
                """, "q.yaml").get(0);

        assertThat(plain.kqlFor(Duration.ofMinutes(5)))
                .isEqualTo("DeviceProcessEvents | where Timestamp > ago(300s) | take 10");
        assertThat(placed.kqlFor(Duration.ofHours(1)))
                .isEqualTo("DeviceEvents | where Timestamp > ago(3600s) | take 1");
    }

    @Test
    void aLookBackShorterThanTheIntervalIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - id: gap
                    query: DeviceEvents
                    interval: 1h
                    lookback: 10m
                """, "q.yaml"))
                .isInstanceOf(QueryFileException.class)
                .hasMessageContaining("q.yaml").hasMessageContaining("line")
                .hasMessageContaining("query gap: lookback 10m is shorter than the time between two runs");
    }

    @Test
    void badEntriesAreRejectedSayingWhy() {
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: x, query: DeviceEvents, interval: 1m, cron: "0 * * * * ?", lookback: 1h}
                """, "q.yaml")).hasMessageContaining("exactly one of 'interval' and 'cron'");
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: x, query: DeviceEvents, interval: 1m, lookback: 1h, colour: red}
                """, "q.yaml")).hasMessageContaining("colour");
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: "bad id", query: DeviceEvents, interval: 1m, lookback: 1h}
                """, "q.yaml")).hasMessageContaining("id must be");
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: x, query: "let a = 1; DeviceEvents", interval: 1m, lookback: 1h}
                """, "q.yaml")).hasMessageContaining("must start with a table name");
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: x, query: DeviceEvents, interval: 1m, lookback: 1h}
                  - {id: x, query: DeviceEvents, interval: 1m, lookback: 1h}
                """, "q.yaml")).hasMessageContaining("the id x is used twice");
        assertThatThrownBy(() -> QueryFile.parse("queries: [", "q.yaml")).isInstanceOf(QueryFileException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> QueryFile.parse("""
                queries:
                  - {id: x, query: DeviceEvents, cron: "every minute", lookback: 1h}
                """, "q.yaml")).hasMessageContaining("not a Quartz cron expression");
    }

    @Test
    void theSampleFileOfTheLocalRunAndComposeIsValid() {
        assertThat(QueryFile.load(java.nio.file.Path.of("samples/queries.yaml"))).extracting(HuntingQuery::id)
                .containsExactly("lateral-tool", "encoded-powershell");
    }
}
