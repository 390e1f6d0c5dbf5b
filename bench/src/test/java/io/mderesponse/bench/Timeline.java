package io.mderesponse.bench;

import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each alert of a plan reached each {@link Milestone}: record timestamps on the pipeline's topics (set by the
 * producing service), the simulator's call log, GreenMail's receive times. The first occurrence counts.
 */
final class Timeline {

    private final Map<String, EnumMap<Milestone, Instant>> byAlert = new HashMap<>();

    private Timeline() {
    }

    /** Reads everything there is now for the plan's alerts. */
    static Timeline read(AlertPlan plan, Map<String, Instant> visible, String bootstrapServers,
            List<SimulatorCall> calls, Map<String, Instant> emailed) {
        Timeline timeline = new Timeline();
        Set<String> ids = Set.copyOf(plan.alertIds());
        visible.forEach((id, at) -> timeline.mark(id, Milestone.VISIBLE, at));
        timeline.readTopic(bootstrapServers, Topics.ALERTS_NEW.defaultName(), Milestone.PUBLISHED, plan, ids);
        timeline.readTopic(bootstrapServers, Topics.ALERTS_ENRICHED.defaultName(), Milestone.ENRICHED, plan, ids);
        timeline.readTopic(bootstrapServers, Topics.DECISIONS.defaultName(), Milestone.DECIDED, plan, ids);
        timeline.readTopic(bootstrapServers, Topics.ACTIONS_REQUESTED.defaultName(), Milestone.REQUESTED, plan, ids);
        timeline.readTopic(bootstrapServers, Topics.ACTIONS_RESULTS.defaultName(), Milestone.COMPLETED, plan, ids);
        for (SimulatorCall call : calls) {
            Optional<String> machine = ApiCalls.isolatedMachine(call);
            String alert = machine.map(plan::highAlertOf).orElse(null);
            if (alert != null) {
                timeline.mark(alert, Milestone.ISOLATE_CALLED, call.time());
            }
        }
        emailed.forEach((id, at) -> {
            if (ids.contains(id)) {
                timeline.mark(id, Milestone.EMAILED, at);
            }
        });
        return timeline;
    }

    private void readTopic(String bootstrapServers, String topic, Milestone milestone, AlertPlan plan,
            Set<String> ids) {
        for (ConsumerRecord<String, String> record : TopicReader.readAll(bootstrapServers, topic,
                new StringDeserializer(), new StringDeserializer())) {
            String correlation = TopicReader.header(record, CloudEventHeaders.CORRELATION_ID).orElse(null);
            String alert = ids.contains(correlation) ? correlation
                    : record.key() == null ? null : plan.highAlertOf(record.key());
            if (alert != null) {
                mark(alert, milestone, Instant.ofEpochMilli(record.timestamp()));
            }
        }
    }

    private void mark(String alertId, Milestone milestone, Instant at) {
        byAlert.computeIfAbsent(alertId, id -> new EnumMap<>(Milestone.class)).merge(milestone, at,
                (old, now) -> old.isBefore(now) ? old : now);
    }

    /** When the alert reached the milestone, if it did. */
    Optional<Instant> at(String alertId, Milestone milestone) {
        EnumMap<Milestone, Instant> times = byAlert.get(alertId);
        return times == null ? Optional.empty() : Optional.ofNullable(times.get(milestone));
    }

    /** How many of these alerts reached the milestone. */
    long count(List<String> alertIds, Milestone milestone) {
        return alertIds.stream().filter(id -> at(id, milestone).isPresent()).count();
    }

    /** The times at which these alerts reached the milestone. */
    List<Instant> times(List<String> alertIds, Milestone milestone) {
        return alertIds.stream().map(id -> at(id, milestone)).flatMap(Optional::stream).sorted().toList();
    }

    /** Milliseconds from one milestone to a later one, for each alert that reached both. */
    List<Long> millisBetween(List<String> alertIds, Milestone from, Milestone to) {
        return alertIds.stream()
                .filter(id -> at(id, from).isPresent() && at(id, to).isPresent())
                .map(id -> at(id, to).get().toEpochMilli() - at(id, from).get().toEpochMilli())
                .toList();
    }
}
