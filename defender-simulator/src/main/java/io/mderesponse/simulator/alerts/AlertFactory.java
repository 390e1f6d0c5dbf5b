package io.mderesponse.simulator.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.config.Durations;
import io.mderesponse.simulator.machines.Machine;
import io.mderesponse.simulator.machines.MachineStore;
import io.mderesponse.simulator.odata.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the admin API's alert JSON into stored alerts: fills what is missing sensibly (id in the real format,
 * timestamps, status New, incident id, machine name) and applies updates that bump {@code lastUpdateTime}.
 */
@ApplicationScoped
public class AlertFactory {

    /** .NET ticks (100 ns) from 0001-01-01 to the Unix epoch, for ids shaped like {@code da637472900382838869_...}. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private final MachineStore machines;
    private final ObjectMapper mapper;
    private final AtomicLong incidents = new AtomicLong(1000);

    public AlertFactory(MachineStore machines, ObjectMapper mapper) {
        this.machines = machines;
        this.mapper = mapper;
    }

    /** A new alert; {@code visibleAfter} (e.g. {@code 30s}, {@code PT30S}) delays when the API shows it. */
    public StoredAlert create(ObjectNode input, Instant now) {
        Instant visibleAt = now.plus(visibleAfter(input));
        ObjectNode json = input.deepCopy();
        json.remove("visibleAfter");
        String created = DateTimes.format(DateTimes.toTicks(now));
        setIfMissing(json, "id", "da" + (EPOCH_TICKS + now.getEpochSecond() * 10_000_000 + now.getNano() / 100) + "_"
                + ThreadLocalRandom.current().nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE));
        setIfMissing(json, "alertCreationTime", created);
        String creation = json.get("alertCreationTime").asText();
        setIfMissing(json, "firstEventTime", creation);
        setIfMissing(json, "lastEventTime", creation);
        setIfMissing(json, "lastUpdateTime", creation);
        setIfMissing(json, "severity", "Medium");
        setIfMissing(json, "status", "New");
        setIfMissing(json, "detectionSource", "WindowsDefenderAtp");
        setIfMissing(json, "category", "SuspiciousActivity");
        setIfMissing(json, "title", "Simulated suspicious activity");
        if (!json.hasNonNull("incidentId")) {
            json.put("incidentId", incidents.incrementAndGet());
        }
        for (String list : new String[] {"mitreTechniques", "comments", "evidence", "loggedOnUsers", "domains"}) {
            if (!json.hasNonNull(list)) {
                json.putArray(list);
            }
        }
        machineOf(json).ifPresent(machine -> {
            setIfMissing(json, "computerDnsName", machine.computerDnsName());
            setIfMissing(json, "rbacGroupName", machine.rbacGroupName());
        });
        return new StoredAlert(validated(json), visibleAt);
    }

    /** An update: the given fields replace the old ones and {@code lastUpdateTime} moves to now unless given. */
    public StoredAlert update(StoredAlert old, ObjectNode changes, Instant now) {
        ObjectNode json = mapper.valueToTree(old.alert());
        Instant visibleAt = changes.has("visibleAfter") ? now.plus(visibleAfter(changes)) : old.visibleAt();
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (!change.getKey().equals("id") && !change.getKey().equals("visibleAfter")) {
                json.set(change.getKey(), change.getValue());
            }
        }
        setIfMissing(changes, json, "lastUpdateTime", DateTimes.format(DateTimes.toTicks(now)));
        if ("Resolved".equalsIgnoreCase(json.path("status").asText()) && !json.hasNonNull("resolvedTime")) {
            json.put("resolvedTime", json.get("lastUpdateTime").asText());
        }
        return new StoredAlert(validated(json), visibleAt);
    }

    private Alert validated(ObjectNode json) {
        Alert alert;
        try {
            alert = mapper.treeToValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid alert: " + e.getOriginalMessage());
        }
        if (alert.id().isBlank() || Alert.SEVERITIES.stream().noneMatch(alert.severity()::equals)
                || Alert.STATUSES.stream().noneMatch(alert.status()::equals)) {
            throw new IllegalArgumentException("Invalid alert: id must not be blank, severity one of "
                    + Alert.SEVERITIES + ", status one of " + Alert.STATUSES);
        }
        return alert;
    }

    private Optional<Machine> machineOf(ObjectNode json) {
        JsonNode id = json.get("machineId");
        return id == null || id.isNull() ? Optional.empty() : machines.byId(id.asText());
    }

    private static Duration visibleAfter(ObjectNode json) {
        JsonNode value = json.get("visibleAfter");
        return value == null || value.isNull() ? Duration.ZERO : Durations.parse(value.asText());
    }

    private static void setIfMissing(ObjectNode json, String field, String value) {
        if (!json.hasNonNull(field) && value != null) {
            json.put(field, value);
        }
    }

    private static void setIfMissing(ObjectNode changes, ObjectNode json, String field, String value) {
        if (!changes.hasNonNull(field)) {
            json.put(field, value);
        }
    }
}
