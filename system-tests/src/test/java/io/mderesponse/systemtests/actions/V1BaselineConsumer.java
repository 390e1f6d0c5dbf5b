package io.mderesponse.systemtests.actions;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer as it was built against the published v1 contract, before machine actions other than
 * isolation existed: it knows the eight v1 event types and nothing else, and dead-letters a record whose
 * {@code ce_type} it does not know (as contracts/README.md told it to) or whose body breaks the v1 schema it was
 * built from (a required field missing, an enum value it does not know, an id that does not match its pattern).
 *
 * <p>The schemas are the committed baseline copies in {@code contracts/src/test/resources/baseline/v1/}, the same
 * files SchemaCompatibilityTest holds the current schemas to; only the eight that existed then are known here.
 */
final class V1BaselineConsumer {

    /** The v1 contract's ce_types (contracts/README.md before issue 23), with their baseline schema file. */
    private static final Map<String, String> KNOWN = Map.of(
            "defender.alert.detected.v1", "alert-detected",
            "defender.alert.severity-raised.v1", "alert-severity-raised",
            "defender.alert.enriched.v1", "alert-enriched",
            "defender.hunting.row-enriched.v1", "hunting-row-enriched",
            "defender.decision.made.v1", "decision-made",
            "defender.action.requested.v1", "machine-action-requested",
            "defender.action.completed.v1", "machine-action-completed",
            "defender.hunting.row-found.v1", "hunting-row-found");

    /** The public topics of the v1 contract, which such a consumer subscribes to. */
    static final List<String> V1_TOPICS = List.of("defender.alerts.new", "defender.alerts.enriched",
            "defender.decisions", "defender.actions.requested", "defender.actions.results",
            "defender.hunting.results");

    private final Map<String, Schema> schemas = new LinkedHashMap<>();

    V1BaselineConsumer() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                .locale(Locale.ROOT).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        Path baseline = ProjectLayout.root().resolve("contracts/src/test/resources/baseline/v1");
        KNOWN.forEach((ceType, name) -> {
            try {
                schemas.put(ceType, registry.getSchema(Files.readString(baseline.resolve(name + ".schema.json")),
                        InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every record of the v1 topics on the broker. */
    static List<ConsumerRecord<String, String>> readV1Topics(String bootstrapServers) {
        return V1_TOPICS.stream().flatMap(topic -> TopicReader.readAll(bootstrapServers, topic,
                new StringDeserializer(), new StringDeserializer()).stream()).toList();
    }

    /** Why this consumer would dead-letter {@code record}; empty when it reads it. */
    Optional<String> deadLetterReason(ConsumerRecord<String, String> record) {
        Optional<String> ceType = TopicReader.header(record, CloudEventHeaders.TYPE);
        if (ceType.isEmpty()) {
            return Optional.of(record.topic() + ": no ce_type header");
        }
        Schema schema = schemas.get(ceType.get());
        if (schema == null) {
            return Optional.of(record.topic() + ": unknown ce_type " + ceType.get());
        }
        List<Error> errors = schema.validate(record.value(), InputFormat.JSON);
        return errors.isEmpty() ? Optional.empty()
                : Optional.of(record.topic() + " " + ceType.get() + ": " + errors.get(0).getInstanceLocation() + " "
                        + errors.get(0).getMessage());
    }
}
