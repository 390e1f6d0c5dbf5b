package io.mderesponse.bench;

import io.mderesponse.contracts.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, at a fixed rate, how many records each pipeline topic holds and how far each service's consumer group
 * lags behind its input: lag builds up in front of the stage that saturates first.
 */
final class LagSampler implements AutoCloseable {

    /** One sample: records per topic (end offsets) and lag per consuming service. */
    record Sample(Instant at, Map<String, Long> records, Map<String, Long> lag) {
    }

    /** Each service's consumer group and the pipeline topics it reads. */
    static final Map<String, List<String>> INPUTS = inputs();

    private static final List<String> TOPICS = List.of(Topics.ALERTS_NEW.defaultName(),
            Topics.ALERTS_ENRICHED.defaultName(), Topics.DECISIONS.defaultName(),
            Topics.ACTIONS_REQUESTED.defaultName(), Topics.ACTIONS_RESULTS.defaultName());

    private final Admin admin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "lag-sampler"));
    private final List<Sample> samples = new ArrayList<>();
    private volatile RuntimeException failure;

    private LagSampler(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    static LagSampler start(String bootstrapServers, Duration every) {
        LagSampler sampler = new LagSampler(bootstrapServers);
        sampler.timer.scheduleAtFixedRate(sampler::sampleSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private static Map<String, List<String>> inputs() {
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put("enrichment-service", List.of(Topics.ALERTS_NEW.defaultName()));
        inputs.put("decision-service", List.of(Topics.ALERTS_ENRICHED.defaultName()));
        inputs.put("response-service", List.of(Topics.ACTIONS_REQUESTED.defaultName()));
        inputs.put("notifier-service", List.of(Topics.DECISIONS.defaultName(), Topics.ACTIONS_RESULTS.defaultName()));
        return inputs;
    }

    /** A sample taken now, outside the schedule. */
    Sample sampleNow() {
        try {
            return sample();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read offsets from the broker", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized List<Sample> samples() {
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(samples);
    }

    /** The largest lag each service had in the samples taken from {@code since} on. */
    Map<String, Long> maxLag(Instant since) {
        Map<String, Long> max = new LinkedHashMap<>();
        INPUTS.keySet().forEach(group -> max.put(group, 0L));
        samples().stream().filter(s -> !s.at().isBefore(since))
                .forEach(s -> s.lag().forEach((group, lag) -> max.merge(group, lag, Math::max)));
        return max;
    }

    private void sampleSafely() {
        try {
            Sample sample = sample();
            synchronized (this) {
                samples.add(sample);
            }
        } catch (ExecutionException e) {
            // Topics appear as the services create them; a sample before that is simply skipped.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private Sample sample() throws ExecutionException, InterruptedException {
        Instant at = Instant.now();
        Set<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<String, Long> records = new LinkedHashMap<>();
        TOPICS.forEach(topic -> records.put(topic, sum(ends, Set.of(topic))));
        Map<String, Long> lag = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> input : INPUTS.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(input.getKey())
                    .partitionsToOffsetAndMetadata().get();
            long groupLag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (input.getValue().contains(end.getKey().topic())) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    groupLag += end.getValue() - (done == null ? 0 : done.offset());
                }
            }
            lag.put(input.getKey(), groupLag);
        }
        return new Sample(at, records, lag);
    }

    private static long sum(Map<TopicPartition, Long> ends, Set<String> topics) {
        return ends.entrySet().stream().filter(e -> topics.contains(e.getKey().topic()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
