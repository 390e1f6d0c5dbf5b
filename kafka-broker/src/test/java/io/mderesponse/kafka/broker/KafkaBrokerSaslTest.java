package io.mderesponse.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker in SASL mode: clients log in with SCRAM-SHA-512 and may do only what an ACL allows. One broker
 * serves every test; the super user creates the topic.
 */
class KafkaBrokerSaslTest {

    private static final String TOPIC = "sasl-test";

    @TempDir
    static Path stateRoot;

    private static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withStateRoot(stateRoot)
                .withSasl(new KafkaBroker.Sasl("admin", "admin-secret", Map.of("alice", "alice-secret"))));
        try (Admin admin = Admin.create(client("admin", "admin-secret"))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void the_super_user_logs_in_and_writes() throws Exception {
        try (KafkaProducer<String, String> producer = producer(client("admin", "admin-secret"))) {
            assertThat(producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get(30, TimeUnit.SECONDS).offset())
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_user_with_the_right_password_but_no_acl_is_refused_the_topic() {
        try (KafkaProducer<String, String> producer = producer(client("alice", "alice-secret"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    void a_wrong_password_fails_authentication() {
        try (Admin admin = Admin.create(client("alice", "not-her-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void a_client_without_credentials_cannot_talk_to_the_broker() {
        Map<String, Object> plain = new HashMap<>();
        plain.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plain.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        plain.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(plain)) {
            // A plaintext client's requests are not SASL handshakes: the broker closes the connection each time,
            // so the client never gets an answer.
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, KafkaBroker.Sasl.MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaBroker.Sasl.jaasConfig(user, password));
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> producer = new HashMap<>(config);
        producer.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
    }
}
