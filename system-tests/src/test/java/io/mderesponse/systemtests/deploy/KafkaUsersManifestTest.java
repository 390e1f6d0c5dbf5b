package io.mderesponse.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.mderesponse.contracts.access.KafkaAccess;
import io.mderesponse.contracts.access.KafkaGrant;
import io.mderesponse.contracts.access.Operation;
import io.mderesponse.contracts.topic.Subscription;
import io.mderesponse.contracts.topic.Subscriptions;
import io.mderesponse.service.deadletter.DeadLetterChannel;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/k8s} gives every service its own Kafka identity with exactly the ACLs of the contracts' catalogue
 * ({@link KafkaAccess}): one Strimzi {@code KafkaUser} per service, SCRAM-SHA-512, simple authorization, the same
 * grants; the cluster authenticates every listener and authorizes every request. The catalogue's consuming
 * channels are those the services' {@code application.properties} declare, so the ACLs follow the code.
 */
class KafkaUsersManifestTest {

    private static Path root;
    private static List<HasMetadata> baseObjects;

    @BeforeAll
    static void read() {
        root = ProjectLayout.root();
        baseObjects = Kustomization.read(root.resolve("deploy/k8s/base")).manifests();
    }

    @Test
    void every_service_has_one_kafka_user_with_scram_and_exactly_the_acls_of_the_catalogue() {
        Map<String, GenericKubernetesResource> users = kafkaUsers();
        assertThat(users.keySet()).as("KafkaUsers in deploy/k8s/base/kafka/users.yaml")
                .containsExactlyInAnyOrderElementsOf(KafkaAccess.services());
        String cluster = kafka().getMetadata().getName();
        for (String service : KafkaAccess.services()) {
            GenericKubernetesResource user = users.get(service);
            assertThat(user.getMetadata().getLabels()).as(service).containsEntry("strimzi.io/cluster", cluster);
            assertThat(Kustomization.<String>field(user, "spec", "authentication", "type")).as(service)
                    .isEqualTo("scram-sha-512");
            assertThat(Kustomization.<String>field(user, "spec", "authorization", "type")).as(service)
                    .isEqualTo("simple");
            List<Map<String, Object>> acls = Kustomization.field(user, "spec", "authorization", "acls");
            assertThat(acls.stream().map(KafkaUsersManifestTest::declared).toList()).as("ACLs of " + service)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.of(service).stream()
                            .map(KafkaUsersManifestTest::expected).toList());
        }
    }

    @Test
    void every_listener_authenticates_with_scram_the_services_have_a_tls_one_and_authorization_is_simple() {
        GenericKubernetesResource kafka = kafka();
        List<Map<String, Object>> listeners = Kustomization.field(kafka, "spec", "kafka", "listeners");
        assertThat(listeners).isNotEmpty().allSatisfy(listener -> assertThat(listener.get("authentication"))
                .as("authentication of listener " + listener.get("name"))
                .isEqualTo(Map.of("type", "scram-sha-512")));
        assertThat(listeners).as("a TLS listener on 9093 for the services")
                .anySatisfy(listener -> assertThat(listener).containsEntry("tls", true).containsEntry("port", 9093));
        assertThat(Kustomization.<String>field(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        // Without the user operator, no KafkaUser becomes credentials or ACLs.
        assertThat(Kustomization.<Object>field(kafka, "spec", "entityOperator", "userOperator")).isNotNull();
        assertThat(Kustomization.<Object>field(kafka, "spec", "kafka", "config", "super.users"))
                .as("no service identity is a super user").isNull();
    }

    @Test
    void the_catalogue_names_the_consuming_channels_the_services_declare() {
        Set<String> declared = new TreeSet<>();
        for (String service : KafkaAccess.services()) {
            Path properties = root.resolve(service).resolve("src/main/resources/application.properties");
            for (DeadLetterChannel channel : TopicsOfTheCode.channelsOf(properties).all().values()) {
                assertThat(channel.group()).as(service + " channel " + channel.channel()).isEqualTo(service);
                declared.add(channel.group() + " " + channel.channel() + " " + channel.topics() + " "
                        + channel.deadLetterTopic());
            }
        }
        Set<String> catalogued = new TreeSet<>();
        for (Subscription subscription : Subscriptions.all()) {
            catalogued.add(subscription.group() + " " + subscription.channel() + " "
                    + List.of(subscription.topic().defaultName(), subscription.retryTopic()) + " "
                    + subscription.deadLetterTopic());
        }
        assertThat(declared).as("mp.messaging.incoming.* of the services vs contracts' Subscriptions")
                .containsExactlyElementsOf(catalogued);
    }

    /** One ACL of a manifest as text: {@code topic defender.decisions literal [Describe, Read]}. */
    private static String declared(Map<String, Object> acl) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
        @SuppressWarnings("unchecked")
        List<String> operations = (List<String>) acl.get("operations");
        assertThat(acl.get("host")).as("host of " + resource).isIn(null, "*");
        return resource.get("type") + " " + resource.get("name") + " " + resource.get("patternType") + " "
                + new TreeSet<>(operations);
    }

    /** A grant of the catalogue as Strimzi spells it. */
    private static String expected(KafkaGrant grant) {
        String type = switch (grant.kind()) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
        };
        Set<String> operations = grant.operations().stream().map(KafkaUsersManifestTest::strimzi)
                .collect(Collectors.toCollection(TreeSet::new));
        return type + " " + grant.name() + " literal " + operations;
    }

    private static String strimzi(Operation operation) {
        String lower = operation.name().toLowerCase();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Map<String, GenericKubernetesResource> kafkaUsers() {
        Map<String, GenericKubernetesResource> users = new TreeMap<>();
        baseObjects.stream().filter(object -> object.getKind().equals("KafkaUser"))
                .forEach(object -> users.put(object.getMetadata().getName(), (GenericKubernetesResource) object));
        return users;
    }

    private static GenericKubernetesResource kafka() {
        return baseObjects.stream().filter(object -> object.getKind().equals("Kafka"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
    }
}
