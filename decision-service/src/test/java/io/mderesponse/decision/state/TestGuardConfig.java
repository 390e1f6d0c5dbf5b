package io.mderesponse.decision.state;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.config.GuardConfig;
import io.mderesponse.testsupport.kafka.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Guards for tests that open {@link GuardStore}s themselves: two isolations (and two of every other kind) an hour, a
 * one-hour machine window, no
 * exclusions, and guard state topics named with a suffix of the test's own.
 */
public record TestGuardConfig(String suffix) implements GuardConfig {

    /** A configuration whose guard topics no other test uses; {@link #createTopics} makes them. */
    public static TestGuardConfig withOwnTopics() {
        return new TestGuardConfig("." + UUID.randomUUID());
    }

    /** Creates the three guard topics as deployed: windows compacted, budget one plain partition, approvals one. */
    public TestGuardConfig createTopics() {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        TestTopics.create(
                new NewTopic(GuardStore.nameOf(Topics.DECISION_GUARDS, this), 6, (short) 1).configs(compacted),
                new NewTopic(GuardStore.nameOf(Topics.ISOLATION_BUDGET, this), 1, (short) 1),
                new NewTopic(GuardStore.nameOf(Topics.DECISION_APPROVALS, this), 1, (short) 1).configs(compacted));
        return this;
    }

    @Override
    public Duration machineWindow() {
        return Duration.ofHours(1);
    }

    @Override
    public int maxIsolationsPerHour() {
        return 2;
    }

    @Override
    public Duration capWindow() {
        return Duration.ofHours(1);
    }

    /** Every other kind: a one-hour window and two per hour, like isolation. */
    private static KindGuard kind() {
        return new KindGuard() {
            @Override
            public Duration machineWindow() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxPerHour() {
                return 2;
            }
        };
    }

    @Override
    public KindGuard unisolate() {
        return kind();
    }

    @Override
    public KindGuard antivirusScan() {
        return kind();
    }

    @Override
    public KindGuard collectInvestigationPackage() {
        return kind();
    }

    @Override
    public KindGuard restrictAppExecution() {
        return kind();
    }

    @Override
    public KindGuard removeAppRestriction() {
        return kind();
    }

    @Override
    public KindGuard stopAndQuarantineFile() {
        return kind();
    }

    @Override
    public Optional<String> stateTopicSuffix() {
        return Optional.of(suffix);
    }

    @Override
    public Exclude exclude() {
        return new Exclude() {
            @Override
            public Optional<List<String>> machineTags() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> rbacGroups() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> machineIds() {
                return Optional.empty();
            }
        };
    }
}
