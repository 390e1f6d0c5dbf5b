package io.mderesponse.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.access.KafkaAccess;
import io.mderesponse.contracts.access.KafkaGrant;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Subscription;
import io.mderesponse.contracts.topic.Subscriptions;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.kafka.broker.KafkaBroker;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.mderesponse.testsupport.system.RunningSystem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a broker that authenticates every client (SASL/SCRAM-SHA-512) and authorizes every request
 * (KRaft's {@code StandardAuthorizer}) with exactly the ACLs of the contracts' catalogue ({@link KafkaAccess}), each
 * service logging in as itself through the standard environment variables ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}). The topics exist beforehand, as Strimzi's topic
 * operator makes them, so no service needs to create one. A High alert still becomes one isolation and one email;
 * a redrive works under the service's identity; the notifier's identity cannot ask for an isolation; a client
 * without credentials gets nothing.
 */
class KafkaAclSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SUPER_USER = "admin";
    private static final String SUPER_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String ACTIONS_REQUESTED = Topics.ACTIONS_REQUESTED.defaultName();

    private static final Map<String, String> passwords = new LinkedHashMap<>();
    private static KafkaBroker broker;
    private static RunningSystem system;
    private static final OperatorIdentityProvider operators = new OperatorIdentityProvider();
    private static final String machine = TestIds.machineId();
    private static final String alert = TestIds.alertId();

    @BeforeAll
    static void runAHighAlertThroughThePipelineWithEachServicesOwnIdentity() throws Exception {
        KafkaAccess.services().forEach(service -> passwords.put(service, service + "-" + UUID.randomUUID()));
        broker = KafkaBroker.start(KafkaBroker.Settings.defaults()
                .withSasl(new KafkaBroker.Sasl(SUPER_USER, SUPER_PASSWORD, passwords)));
        try (Admin admin = Admin.create(asUser(SUPER_USER, SUPER_PASSWORD))) {
            admin.createTopics(topicsOfTheSystem()).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(aclsOfTheCatalogue()).all().get(60, TimeUnit.SECONDS);
        }
        operators.start();
        Map<String, String> common = new HashMap<>(operators.serviceEnvironment());
        common.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        common.put("KAFKA_SASL_MECHANISM", KafkaBroker.Sasl.MECHANISM);
        RunningSystem.Builder builder = RunningSystem.builder().bootstrapServers(broker.bootstrapServers())
                .services(common);
        passwords.forEach((service, password) -> builder.service(service,
                Map.of("KAFKA_SASL_JAAS_CONFIG", KafkaBroker.Sasl.jaasConfig(service, password))));
        system = builder.start();
        system.simulator.addMachine(SampleData.machine(machine, "ws-acl.contoso.com"));
        system.simulator.addAlert(SampleData.alert(alert, "High", machine));
        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 1);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (broker != null) {
            broker.close();
        }
        operators.stop();
    }

    @Test
    void a_high_alert_is_still_isolated_once_and_emailed_when_every_service_holds_only_its_own_acls() {
        assertThat(isolations()).filteredOn(call -> call.path().contains(machine)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains(alert));
        assertThat(system.mail.getReceivedMessages()).singleElement()
                .satisfies(email -> assertThat(email.getSubject()).contains("Succeeded"));
    }

    @Test
    void the_notifiers_identity_cannot_ask_for_an_isolation() throws Exception {
        String forged = TestIds.machineId();
        Map<String, Object> config = asUser(Services.NOTIFIER, passwords.get(Services.NOTIFIER));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            // The broker refuses the topic before it reads a byte of the record, so its content does not matter.
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(ACTIONS_REQUESTED, forged,
                    "{\"type\":\"Isolate\",\"machineId\":\"" + forged + "\"}")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        // The topic holds decision-service's one request of the High alert and nothing else, and response-service
        // has isolated that machine only.
        assertThat(recordsOn(ACTIONS_REQUESTED)).isEqualTo(1);
        assertThat(isolations()).noneMatch(call -> call.path().contains(forged));
        assertThat(isolations()).allMatch(call -> call.path().contains(machine));
    }

    @Test
    void a_redrive_moves_a_dead_letter_under_the_services_own_identity_and_the_channel_reads_it_back()
            throws Exception {
        Subscription decisions = Subscriptions.of(Services.NOTIFIER).stream()
                .filter(subscription -> subscription.topic().equals(Topics.DECISIONS)).findFirst().orElseThrow();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(asUser(SUPER_USER, SUPER_PASSWORD),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(decisions.deadLetterTopic(), "k", "not an event")).get(30,
                    TimeUnit.SECONDS);
        }
        URI redrive = URI.create(system.service(Services.NOTIFIER).baseUrl() + "/dlq/" + decisions.channel()
                + "/redrive");
        // An operator endpoint: nobody without a person's token moves dead letters.
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(redrive)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(redrive)
                .header("Authorization", "Bearer " + OperatorIdentityProvider.tokenFrom(operators.issuer(),
                        Person.OPERATOR))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        // Its redrive group, transactional id, dead letter topic (read) and retry topic (write) are all granted.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"moved\":1");
        // The channel reads its retry topic, still cannot parse the record, and dead-letters it again.
        await().atMost(PATIENCE).until(() -> recordsOn(decisions.deadLetterTopic()) == 2);
    }

    @Test
    void a_client_without_credentials_gets_no_answer_and_a_wrong_password_fails_authentication() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(anonymous)) {
            // Its requests are not a SASL handshake: the broker closes each connection unanswered.
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
        try (Admin admin = Admin.create(asUser(Services.DECISION, "a-guessed-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static List<SimulatorCall> isolations() {
        return system.simulator.calls(CallFilter.path("/isolate").method("POST"));
    }

    /** Every topic as deploy/k8s/base/kafka/topics.yaml declares it: the contracts' and each channel's dlq and retry. */
    private static List<NewTopic> topicsOfTheSystem() {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicDefinition topic : Topics.all()) {
            NewTopic created = new NewTopic(topic.defaultName(), topic.partitions(), (short) 1);
            if (topic.compacted()) {
                created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(created);
        }
        for (Subscription subscription : Subscriptions.all()) {
            topics.add(new NewTopic(subscription.deadLetterTopic(), 1, (short) 1));
            topics.add(new NewTopic(subscription.retryTopic(), 1, (short) 1));
        }
        return topics;
    }

    /** The catalogue as the broker's ACLs: one ALLOW entry per operation, for principal {@code User:<service>}. */
    private static List<AclBinding> aclsOfTheCatalogue() {
        List<AclBinding> bindings = new ArrayList<>();
        for (String service : KafkaAccess.services()) {
            for (KafkaGrant grant : KafkaAccess.of(service)) {
                ResourcePattern resource = new ResourcePattern(switch (grant.kind()) {
                    case TOPIC -> ResourceType.TOPIC;
                    case GROUP -> ResourceType.GROUP;
                    case TRANSACTIONAL_ID -> ResourceType.TRANSACTIONAL_ID;
                }, grant.name(), PatternType.LITERAL);
                grant.operations().forEach(operation -> bindings.add(new AclBinding(resource,
                        new AccessControlEntry("User:" + service, "*", AclOperation.valueOf(operation.name()),
                                AclPermissionType.ALLOW))));
            }
        }
        return bindings;
    }

    private static long recordsOn(String topic) throws Exception {
        try (Admin admin = Admin.create(asUser(SUPER_USER, SUPER_PASSWORD))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            // Counts records written without transactions (decision-service's requests, SmallRye's dead letters).
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static Map<String, Object> asUser(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, KafkaBroker.Sasl.MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaBroker.Sasl.jaasConfig(user, password));
        return config;
    }
}
