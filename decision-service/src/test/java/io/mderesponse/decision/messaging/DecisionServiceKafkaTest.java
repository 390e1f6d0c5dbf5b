package io.mderesponse.decision.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.AlertEnrichedDeserializer;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class DecisionServiceKafkaTest {

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(AlertEnriched.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertEnrichedDeserializer()));
        kafka.registerSerde(DecisionMade.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new DecisionMadeDeserializer()));
        kafka.registerSerde(MachineActionRequested.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionRequestedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aHighAlertOnTheEnrichedTopicYieldsADecisionAndAnIsolationRequestKeyedByMachine() {
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        kafka.produce(String.class, AlertEnriched.class).fromRecords(
                new ProducerRecord<>(Topics.ALERTS_ENRICHED.defaultName(), event.kafkaKey(), event)).awaitCompletion();

        ConsumerRecord<String, DecisionMade> decision = awaitFor(DecisionMade.class, Topics.DECISIONS.defaultName(),
                event.alert().id());
        assertThat(decision.key()).isEqualTo(Samples.MACHINE_ID);
        assertThat(decision.value().outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(TopicReader.header(decision, CloudEventHeaders.SOURCE).orElse(null)).isEqualTo("decision-service");
        ConsumerRecord<String, MachineActionRequested> request = awaitFor(MachineActionRequested.class,
                Topics.ACTIONS_REQUESTED.defaultName(), event.alert().id());
        assertThat(request.key()).isEqualTo(Samples.MACHINE_ID);
        assertThat(request.value().decisionId()).isEqualTo(decision.value().decisionId());
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicWithTheReasonAndItsBytes() {
        String poison = "{not json " + Samples.uniqueAlertId();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS_ENRICHED.defaultName(), "poison",
                poison)).awaitCompletion();

        String dlq = Topics.dlq(Topics.ALERTS_ENRICHED.defaultName(), "decision-service");
        ConsumerRecord<String, String> record = kafka.consumeStrings()
                .fromTopics(dlq, records -> records.select().where(r -> poison.equals(r.value())).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
        assertThat(TopicReader.header(record, "dead-letter-reason").orElse(null)).contains("not a valid event");
    }

    private <T> ConsumerRecord<String, T> awaitFor(Class<T> type, String topic, String correlationId) {
        return kafka.consume(String.class, type)
                .fromTopics(topic, records -> records.select()
                        .where(r -> correlationId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null))).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
    }

}
