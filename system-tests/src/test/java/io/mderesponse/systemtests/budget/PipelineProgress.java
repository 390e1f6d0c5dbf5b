package io.mderesponse.systemtests.budget;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;

/** How far the pipeline got, read from its topics and from a service's metrics, as an operator would. */
final class PipelineProgress {

    private final String bootstrapServers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PipelineProgress(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Correlation (alert) ids on {@code defender.alerts.enriched}. */
    Set<String> enrichedAlerts() {
        return TopicReader.readAll(bootstrapServers, Topics.ALERTS_ENRICHED.defaultName(), new StringDeserializer(),
                        new StringDeserializer()).stream()
                .map(r -> TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(""))
                .collect(Collectors.toSet());
    }

    /** Every final result on {@code defender.actions.results}. */
    List<MachineActionCompleted> results() {
        return TopicReader.readAll(bootstrapServers, Topics.ACTIONS_RESULTS.defaultName(), new StringDeserializer(),
                        new MachineActionCompletedDeserializer()).stream()
                .map(r -> r.value()).toList();
    }

    /** The value of a Prometheus sample summed over every label set, e.g. {@code enrichment_alerts_total}. */
    double metric(String baseUrl, String name, String labelFilter) {
        String text;
        try {
            text = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labelFilter == null || line.contains(labelFilter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
