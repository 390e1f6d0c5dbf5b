package io.mderesponse.contracts.access;

import static io.mderesponse.contracts.access.Operation.DESCRIBE;
import static io.mderesponse.contracts.access.Operation.READ;
import static io.mderesponse.contracts.access.Operation.WRITE;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Subscription;
import io.mderesponse.contracts.topic.Subscriptions;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka ACLs of each service's identity (principal {@code User:<service>}), derived from the topic
 * catalogue ({@link Topics}: who owns and writes each topic) and the consuming channels ({@link Subscriptions}).
 * This is the one source of the ACLs: {@code deploy/k8s/base/kafka/users.yaml} declares the same grants as
 * Strimzi {@code KafkaUser}s (system-tests' {@code KafkaUsersManifestTest} checks it) and
 * {@code KafkaAclSystemTest} runs the pipeline on a broker enforcing them.
 *
 * <p>What a service gets:
 * <ul>
 *   <li>each topic it owns: Write (its idempotent or transactional producers), and Read for internal topics,
 *       which it reads back (state, deferrals); a leadership topic is only read (joined), never written;</li>
 *   <li>each topic it consumes: Read, in its group (the service name); its {@code <topic>.<group>.dlq} (Write for
 *       the failure strategy, Read for the redrive) and {@code <topic>.<group>.retry} (Read for the channel, Write
 *       for the redrive); the redrive's group {@code <group>.redrive} and transactional id
 *       {@code <group>.<channel>.redrive} (service-common's {@code DeadLetterRedrive});</li>
 *   <li>the poller and the hunting scheduler: their leadership group {@code <service>-leadership} and the
 *       transactional id {@code <service>} their events and state are written under;</li>
 *   <li>Describe on every topic: each service lists and describes its topics at start ({@code TopicsStartup}).</li>
 * </ul>
 * No Create: the Strimzi topic operator creates every topic ({@code topics.yaml}); a service only creates a topic
 * it finds missing, which with these ACLs fails its start with the topic's name instead. Groupless readers
 * (state topics, decision's back-test of {@code defender.alerts.enriched}) need Read on the topic only.
 *
 * <p>Names are the defaults. A deployment that renames a topic ({@code topics.*}), the notifier's sent-log
 * ({@code notifier.sent-log-topic}) or decision's state topics ({@code guard.state-topic-suffix}) must grant the
 * same operations on the new names.
 */
public final class KafkaAccess {

    /** Services whose events and state go out in Kafka transactions under their own name. */
    private static final Set<String> TRANSACTIONAL = Set.of(Services.ALERT_POLLER, Services.HUNTING_SCHEDULER);
    /** One-partition topics whose consumer group elects the active replica; nobody writes them. */
    private static final Set<TopicDefinition> LEADERSHIP = Set.of(Topics.POLLER_LEADERSHIP, Topics.HUNTING_LEADERSHIP);

    private KafkaAccess() {
    }

    /** The services that have a Kafka identity: all of them. */
    public static List<String> services() {
        return Services.all();
    }

    /** The grants of one service, ordered by kind and name (the order of the manifests). */
    public static List<KafkaGrant> of(String service) {
        if (!Services.all().contains(service)) {
            throw new IllegalArgumentException("Not a service: " + service);
        }
        Grants grants = new Grants();
        for (TopicDefinition topic : Topics.all()) {
            if (!topic.owner().equals(service)) {
                continue;
            }
            if (LEADERSHIP.contains(topic)) {
                grants.add(ResourceKind.TOPIC, topic.defaultName(), READ, DESCRIBE);
                grants.add(ResourceKind.GROUP, leadershipGroup(service), READ);
            } else if (topic.isPublic()) {
                grants.add(ResourceKind.TOPIC, topic.defaultName(), WRITE, DESCRIBE);
            } else {
                grants.add(ResourceKind.TOPIC, topic.defaultName(), READ, WRITE, DESCRIBE);
            }
        }
        if (TRANSACTIONAL.contains(service)) {
            grants.add(ResourceKind.TRANSACTIONAL_ID, service, WRITE, DESCRIBE);
        }
        for (Subscription subscription : Subscriptions.of(service)) {
            grants.add(ResourceKind.TOPIC, subscription.topic().defaultName(), READ, DESCRIBE);
            grants.add(ResourceKind.TOPIC, subscription.retryTopic(), READ, WRITE, DESCRIBE);
            grants.add(ResourceKind.TOPIC, subscription.deadLetterTopic(), READ, WRITE, DESCRIBE);
            grants.add(ResourceKind.GROUP, subscription.group(), READ);
            grants.add(ResourceKind.GROUP, redriveGroup(subscription.group()), READ);
            grants.add(ResourceKind.TRANSACTIONAL_ID,
                    redriveTransactionalId(subscription.group(), subscription.channel()), WRITE, DESCRIBE);
        }
        return grants.list();
    }

    /**
     * The consumer group whose single partition makes one replica of {@code service} the active one (the poller's
     * and the hunting scheduler's {@code LEADERSHIP_GROUP}).
     */
    public static String leadershipGroup(String service) {
        return service + "-leadership";
    }

    /** The group that records how far a group's dead letters were redriven ({@code DeadLetterRedrive} uses it). */
    public static String redriveGroup(String group) {
        return group + ".redrive";
    }

    /**
     * The transactional id of a channel's redrive, stable per channel so a second redrive fences the first
     * ({@code DeadLetterRedrive} uses it).
     */
    public static String redriveTransactionalId(String group, String channel) {
        return group + "." + channel + ".redrive";
    }

    /** Operations per resource, merged: a topic both owned and consumed gets one grant with both. */
    private static final class Grants {

        private final Map<ResourceKind, Map<String, EnumSet<Operation>>> byKind = new TreeMap<>();

        void add(ResourceKind kind, String name, Operation first, Operation... more) {
            byKind.computeIfAbsent(kind, k -> new TreeMap<>())
                    .computeIfAbsent(name, n -> EnumSet.noneOf(Operation.class))
                    .addAll(EnumSet.of(first, more));
        }

        List<KafkaGrant> list() {
            List<KafkaGrant> grants = new ArrayList<>();
            byKind.forEach((kind, names) -> names.forEach((name, operations) ->
                    grants.add(new KafkaGrant(kind, name, operations))));
            grants.sort(Comparator.comparing(KafkaGrant::kind).thenComparing(KafkaGrant::name));
            return List.copyOf(grants);
        }
    }
}
