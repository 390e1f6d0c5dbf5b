package io.mderesponse.testsupport.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private static final String TEXT = """
            # HELP defender_calls_total Requests sent to the Defender API
            # TYPE defender_calls_total counter
            defender_calls_total{family="alerts",operation="get_alert",status="200"} 3.0
            defender_calls_total{family="alerts",operation="get_alert",status="429"} 1.0
            defender_calls_total{family="machines",operation="get_machine",status="200"} 2.0
            messaging_records_in_total{channel="alerts-new"} 7.0 1700000000000
            odd_label{reason="say \\"no\\", then\\\\ stop",empty=""} -1.5
            process_uptime_seconds 12.5
            histogram_bucket{le="+Inf"} +Inf
            """;

    @Test
    void samplesAreFoundByNameAndASubsetOfTheirLabels() {
        PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
        assertThat(scrape.value("defender_calls_total", Map.of("family", "alerts"))).isEqualTo(4.0);
        assertThat(scrape.value("defender_calls_total", Map.of("status", "429"))).isEqualTo(1.0);
        assertThat(scrape.value("defender_calls_total", Map.of())).isEqualTo(6.0);
        assertThat(scrape.value("messaging_records_in_total", Map.of("channel", "alerts-new"))).isEqualTo(7.0);
        assertThat(scrape.value("process_uptime_seconds", Map.of())).isEqualTo(12.5);
        assertThat(scrape.value("histogram_bucket", Map.of("le", "+Inf"))).isInfinite();
        assertThat(scrape.has("defender_calls_total", Map.of("status", "500"))).isFalse();
    }

    @Test
    void quotedAndEscapedLabelValuesAreReadWhole() {
        PrometheusScrape scrape = PrometheusScrape.parse(TEXT);
        assertThat(scrape.find("odd_label", Map.of())).singleElement().satisfies(sample -> {
            assertThat(sample.labels()).containsEntry("reason", "say \"no\", then\\ stop").containsEntry("empty", "");
            assertThat(sample.value()).isEqualTo(-1.5);
        });
    }

    @Test
    void deltaComparesTwoScrapesAndCountsAMissingCounterAsZero() {
        PrometheusScrape before = PrometheusScrape.parse("a_total{x=\"1\"} 2.0\n");
        PrometheusScrape after = PrometheusScrape.parse("a_total{x=\"1\"} 5.0\nb_total 1.0\n");
        assertThat(after.delta(before, "a_total", Map.of("x", "1"))).isEqualTo(3.0);
        assertThat(after.delta(before, "b_total", Map.of())).isEqualTo(1.0);
    }

    @Test
    void aMissingMetricFailsNamingIt() {
        assertThatThrownBy(() -> PrometheusScrape.parse(TEXT).value("no_such_metric", Map.of()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no_such_metric");
    }

    @Test
    void aLineThatIsNoSampleIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> PrometheusScrape.parse("ok 1\nbroken{a=b} 1\n"))
                .hasMessageContaining("Line 2");
    }
}
