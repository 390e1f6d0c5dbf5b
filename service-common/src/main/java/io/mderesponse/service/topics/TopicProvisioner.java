package io.mderesponse.service.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics a service uses, or verifies those that exist.
 *
 * <p>Every service ensures each topic it reads or writes, because a consumer that starts first would otherwise
 * let the broker auto-create the topic with one partition. A topic specified with one partition must have
 * exactly one (a single owner depends on it): more is a configuration error that stops the service at start.
 * Replication is left to the broker's {@code default.replication.factor}, which is the operator's setting.
 */
public final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Creates the missing topics and checks the existing ones; returns the names it created. */
    public List<String> ensure(Collection<TopicSpec> topics) {
        Map<String, TopicSpec> byName = topics.stream()
                .collect(Collectors.toMap(TopicSpec::name, spec -> spec, (a, b) -> a));
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> created = new ArrayList<>();
            for (TopicSpec spec : byName.values()) {
                if (!existing.contains(spec.name()) && create(spec)) {
                    created.add(spec.name());
                }
            }
            // Only topics that existed before need checking: those created here have the partitions asked for
            // (and a fresh topic's metadata may not have reached the broker's cache yet).
            verifySinglePartitionTopics(byName.values().stream().filter(spec -> existing.contains(spec.name()))
                    .toList());
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not prepare topics " + byName.keySet() + " (is Kafka reachable at "
                    + "kafka.bootstrap.servers?): " + e.getMessage(), e);
        }
    }

    private boolean create(TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty());
        if (spec.compacted()) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false; // another service created it meanwhile
            }
            throw e;
        }
    }

    private void verifySinglePartitionTopics(List<TopicSpec> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> single = existing.stream().filter(TopicSpec::singlePartition).map(TopicSpec::name)
                .toList();
        if (single.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = describe(single);
        for (TopicDescription description : descriptions.values()) {
            int partitions = description.partitions().size();
            if (partitions != 1) {
                throw new IllegalStateException("Topic " + description.name() + " must have exactly 1 partition "
                        + "(one owner reads it in order) but has " + partitions + "; recreate it with 1 partition");
            }
        }
    }

    /**
     * Describes topics, waiting out the moment after another instance created one, when the broker lists the
     * topic but cannot describe it yet.
     */
    private Map<String, TopicDescription> describe(List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }
}
