package io.mderesponse.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every internal client connects as the channels do, and keeps the guarantees its role needs. */
class KafkaClientSettingsTest {

    private static final Map<String, Object> SERVICE = Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "health-enabled", "true",
            "group.id", "notifier-service",
            "group.instance.id", "notifier-0",
            "enable.auto.commit", "true",
            "acks", "1");

    private static final Map<String, Object> CONNECTION = Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12");

    @Test
    void everyKindOfClientGetsTheConnectionAndSecuritySettings() {
        assertThat(KafkaClientSettings.admin(SERVICE)).containsAllEntriesOf(CONNECTION);
        assertThat(KafkaClientSettings.groupless(SERVICE, "id")).containsAllEntriesOf(CONNECTION);
        assertThat(KafkaClientSettings.inGroup(SERVICE, "g", "id")).containsAllEntriesOf(CONNECTION);
        assertThat(KafkaClientSettings.durable(SERVICE, "id")).containsAllEntriesOf(CONNECTION);
        assertThat(KafkaClientSettings.transactional(SERVICE, "tx")).containsAllEntriesOf(CONNECTION);
    }

    @Test
    void settingsAClientDoesNotKnowAreLeftOut() {
        assertThat(KafkaClientSettings.admin(SERVICE)).doesNotContainKeys("health-enabled", "acks", "group.id");
        assertThat(KafkaClientSettings.durable(SERVICE, "id")).doesNotContainKeys("health-enabled", "group.id");
    }

    @Test
    void theRoleOverridesWhatWouldWeakenIt() {
        assertThat(KafkaClientSettings.groupless(SERVICE, "reader"))
                .doesNotContainKeys("group.id", "group.instance.id")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("client.id", "reader");
        assertThat(KafkaClientSettings.inGroup(SERVICE, "redrive", "r-1"))
                .doesNotContainKey("group.instance.id")
                .containsEntry("group.id", "redrive")
                .containsEntry("enable.auto.commit", false);
        assertThat(KafkaClientSettings.durable(SERVICE, "writer"))
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
        assertThat(KafkaClientSettings.transactional(SERVICE, "poller"))
                .containsEntry("transactional.id", "poller")
                .containsEntry("acks", "all");
    }
}
