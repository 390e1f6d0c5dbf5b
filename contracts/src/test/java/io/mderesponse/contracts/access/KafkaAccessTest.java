package io.mderesponse.contracts.access;

import static io.mderesponse.contracts.access.Operation.DESCRIBE;
import static io.mderesponse.contracts.access.Operation.READ;
import static io.mderesponse.contracts.access.Operation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Subscription;
import io.mderesponse.contracts.topic.Subscriptions;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    /** The architecture's topic table, consumer column, for this repository's services. */
    private static final Map<String, Set<TopicDefinition>> PUBLIC_TOPICS_READ = Map.of(
            Services.ALERT_POLLER, Set.of(),
            Services.ENRICHMENT, Set.of(Topics.ALERTS_NEW, Topics.HUNTING_RESULTS),
            Services.DECISION, Set.of(Topics.ALERTS_ENRICHED, Topics.ACTIONS_RESULTS, Topics.RESPONSE_ACTIONS_RESULTS),
            Services.RESPONSE, Set.of(Topics.ACTIONS_REQUESTED, Topics.RESPONSE_ACTIONS_REQUESTED),
            Services.NOTIFIER, Set.of(Topics.DECISIONS, Topics.ACTIONS_RESULTS, Topics.RESPONSE_ACTIONS_RESULTS),
            Services.HUNTING_SCHEDULER, Set.of());

    @Test
    void only_decision_service_may_write_isolation_requests() {
        String actionsRequested = Topics.ACTIONS_REQUESTED.defaultName();
        Set<String> writers = KafkaAccess.services().stream()
                .filter(service -> topicOperations(service, actionsRequested).contains(WRITE))
                .collect(Collectors.toSet());
        assertThat(writers).containsExactly(Services.DECISION);
        assertThat(topicOperations(Services.NOTIFIER, actionsRequested)).isEmpty();
        assertThat(topicOperations(Services.RESPONSE, actionsRequested)).containsExactlyInAnyOrder(READ, DESCRIBE);
    }

    @Test
    void every_service_reads_exactly_the_public_topics_the_architecture_table_gives_it() {
        assertThat(PUBLIC_TOPICS_READ.keySet()).containsExactlyInAnyOrderElementsOf(KafkaAccess.services());
        for (String service : KafkaAccess.services()) {
            Set<String> read = Topics.all().stream().filter(TopicDefinition::isPublic)
                    .map(TopicDefinition::defaultName)
                    .filter(topic -> topicOperations(service, topic).contains(READ)).collect(Collectors.toSet());
            assertThat(read).as(service).containsExactlyInAnyOrderElementsOf(
                    PUBLIC_TOPICS_READ.get(service).stream().map(TopicDefinition::defaultName).toList());
        }
    }

    @Test
    void every_topic_is_written_only_by_its_owner_and_internal_topics_are_touched_only_by_their_owner() {
        for (String service : KafkaAccess.services()) {
            for (TopicDefinition topic : Topics.all()) {
                Set<Operation> operations = topicOperations(service, topic.defaultName());
                if (!topic.owner().equals(service)) {
                    assertThat(operations).as(service + " on " + topic.defaultName()).doesNotContain(WRITE);
                    if (!topic.isPublic()) {
                        assertThat(operations).as(service + " on internal " + topic.defaultName()).isEmpty();
                    }
                }
            }
        }
        // Leadership topics elect a replica by group membership; nobody writes them, not even their owner.
        assertThat(topicOperations(Services.ALERT_POLLER, Topics.POLLER_LEADERSHIP.defaultName()))
                .containsExactlyInAnyOrder(READ, DESCRIBE);
        assertThat(topicOperations(Services.DECISION, Topics.ISOLATION_BUDGET.defaultName()))
                .containsExactlyInAnyOrder(READ, WRITE, DESCRIBE);
    }

    @Test
    void dead_letter_and_retry_topics_belong_to_the_consuming_group_alone() {
        for (String service : KafkaAccess.services()) {
            Set<String> derived = KafkaAccess.of(service).stream()
                    .filter(grant -> grant.kind() == ResourceKind.TOPIC)
                    .map(KafkaGrant::name).filter(name -> name.endsWith(".dlq") || name.endsWith(".retry"))
                    .filter(name -> !name.equals(Topics.ALERT_POLLER_DLQ.defaultName()))
                    .collect(Collectors.toSet());
            Set<String> expected = new HashSet<>();
            for (Subscription subscription : Subscriptions.of(service)) {
                expected.add(subscription.deadLetterTopic());
                expected.add(subscription.retryTopic());
            }
            assertThat(derived).as(service).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(topicOperations(Services.RESPONSE, "defender.actions.requested.response-service.retry"))
                .containsExactlyInAnyOrder(READ, WRITE, DESCRIBE);
        assertThat(topicOperations(Services.NOTIFIER, "defender.actions.requested.response-service.retry")).isEmpty();
    }

    @Test
    void every_consuming_service_holds_its_group_its_redrive_group_and_one_redrive_transactional_id_per_channel() {
        assertThat(names(Services.RESPONSE, ResourceKind.GROUP))
                .containsExactlyInAnyOrder("response-service", "response-service.redrive");
        assertThat(names(Services.RESPONSE, ResourceKind.TRANSACTIONAL_ID))
                .containsExactlyInAnyOrder("response-service.actions-requested.redrive",
                        "response-service.response-actions-requested.redrive");
        assertThat(names(Services.ENRICHMENT, ResourceKind.TRANSACTIONAL_ID)).containsExactlyInAnyOrder(
                "enrichment-service.alerts-new.redrive", "enrichment-service.hunting-results.redrive",
                "enrichment-service.deferred-alerts.redrive");
        assertThat(names(Services.NOTIFIER, ResourceKind.GROUP))
                .containsExactlyInAnyOrder("notifier-service", "notifier-service.redrive");
        assertThat(grant(Services.DECISION, ResourceKind.GROUP, "decision-service").operations()).containsExactly(READ);
        assertThat(grant(Services.DECISION, ResourceKind.TRANSACTIONAL_ID, "decision-service.actions-results.redrive")
                .operations()).containsExactlyInAnyOrder(WRITE, DESCRIBE);
    }

    @Test
    void the_poller_and_the_hunting_scheduler_hold_their_leadership_group_and_transactional_id_and_no_other() {
        assertThat(names(Services.ALERT_POLLER, ResourceKind.GROUP)).containsExactly("alert-poller-leadership");
        assertThat(names(Services.ALERT_POLLER, ResourceKind.TRANSACTIONAL_ID)).containsExactly("alert-poller");
        assertThat(names(Services.HUNTING_SCHEDULER, ResourceKind.GROUP))
                .containsExactly("hunting-scheduler-leadership");
        assertThat(names(Services.HUNTING_SCHEDULER, ResourceKind.TRANSACTIONAL_ID))
                .containsExactly("hunting-scheduler");
        assertThat(topicOperations(Services.ALERT_POLLER, Topics.POLLER_STATE.defaultName()))
                .containsExactlyInAnyOrder(READ, WRITE, DESCRIBE);
    }

    @Test
    void no_grant_is_a_wildcard_and_every_topic_granted_is_one_the_system_has() {
        Set<String> known = new HashSet<>();
        Topics.all().forEach(topic -> known.add(topic.defaultName()));
        Subscriptions.all().forEach(subscription -> {
            known.add(subscription.deadLetterTopic());
            known.add(subscription.retryTopic());
        });
        for (String service : KafkaAccess.services()) {
            List<KafkaGrant> grants = KafkaAccess.of(service);
            assertThat(grants).as(service).isNotEmpty().allSatisfy(grant -> assertThat(grant.name())
                    .doesNotContain("*").isNotBlank());
            assertThat(grants).filteredOn(grant -> grant.kind() == ResourceKind.TOPIC).extracting(KafkaGrant::name)
                    .as(service).allSatisfy(name -> assertThat(known).contains(name));
            assertThat(grants).extracting(grant -> grant.kind() + "/" + grant.name()).as(service)
                    .doesNotHaveDuplicates();
        }
        assertThatThrownBy(() -> new KafkaGrant(ResourceKind.TOPIC, "*", Set.of(READ)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KafkaAccess.of("intruder")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<Operation> topicOperations(String service, String topic) {
        return KafkaAccess.of(service).stream()
                .filter(grant -> grant.kind() == ResourceKind.TOPIC && grant.name().equals(topic))
                .findFirst().map(KafkaGrant::operations).orElse(Set.of());
    }

    private static List<String> names(String service, ResourceKind kind) {
        return KafkaAccess.of(service).stream().filter(grant -> grant.kind() == kind).map(KafkaGrant::name).toList();
    }

    private static KafkaGrant grant(String service, ResourceKind kind, String name) {
        return KafkaAccess.of(service).stream().filter(g -> g.kind() == kind && g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + kind + " " + name));
    }
}
