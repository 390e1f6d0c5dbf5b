package io.mderesponse.systemtests.pipeline;

import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the pipeline's topics as a downstream consumer would, and tells whether a consumer group caught up. */
public final class PipelineTopics {

    private final String bootstrapServers;

    public PipelineTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The records of {@code topic} whose {@code ce_correlationid} is {@code correlationId}. */
    List<ConsumerRecord<String, String>> withCorrelationId(String topic, String correlationId) {
        return TopicReader.readAll(bootstrapServers, topic, new StringDeserializer(), new StringDeserializer())
                .stream()
                .filter(r -> TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).filter(correlationId::equals)
                        .isPresent())
                .toList();
    }

    /** The CloudEvents type of a record, as its schema's event type. */
    static EventType eventType(ConsumerRecord<?, ?> record) {
        String ceType = TopicReader.header(record, CloudEventHeaders.TYPE).orElseThrow();
        return EventType.fromCeType(ceType).orElseThrow(() -> new AssertionError("Unknown ce_type " + ceType));
    }

    /** Whether {@code group} has committed every record currently on {@code topic}: it has processed them all. */
    public boolean consumedEverything(String group, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }
}
