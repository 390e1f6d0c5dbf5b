package io.mderesponse.simulator.machines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.odata.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Turns the admin API's machine JSON into a machine, filling what is missing with an ordinary healthy device. */
@ApplicationScoped
public class MachineFactory {

    private final ObjectMapper mapper;

    public MachineFactory(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Machine create(ObjectNode input, Instant now) {
        String id = input.path("id").asText(null);
        if (id == null || !Machine.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Machine id must be 40 lowercase hexadecimal characters, got: " + id);
        }
        ObjectNode json = input.deepCopy();
        String seen = DateTimes.format(DateTimes.toTicks(now));
        setIfMissing(json, "computerDnsName", "machine-" + id.substring(0, 8));
        setIfMissing(json, "firstSeen", seen);
        setIfMissing(json, "lastSeen", seen);
        setIfMissing(json, "osPlatform", "Windows11");
        setIfMissing(json, "osArchitecture", "64-bit");
        setIfMissing(json, "healthStatus", "Active");
        setIfMissing(json, "onboardingStatus", "Onboarded");
        setIfMissing(json, "deviceValue", "Normal");
        setIfMissing(json, "riskScore", "None");
        setIfMissing(json, "exposureLevel", "None");
        if (!json.hasNonNull("machineTags")) {
            json.putArray("machineTags");
        }
        if (!json.hasNonNull("ipAddresses")) {
            json.putArray("ipAddresses");
        }
        try {
            return mapper.treeToValue(json, Machine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid machine: " + e.getOriginalMessage());
        }
    }

    private static void setIfMissing(ObjectNode json, String field, String value) {
        if (!json.hasNonNull(field)) {
            json.put(field, value);
        }
    }
}
