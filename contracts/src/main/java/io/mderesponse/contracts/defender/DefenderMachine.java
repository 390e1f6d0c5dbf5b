package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Defender machine (device) as {@code GET /api/machines/{id}} returns it.
 *
 * <p>Only {@code id} is required. Enum-like fields stay strings because Defender adds values; absent arrays read
 * as empty lists. The last group of fields appears in live responses only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefenderMachine(
        String id,
        String computerDnsName,
        Instant firstSeen,
        Instant lastSeen,
        String osPlatform,
        String onboardingStatus,
        String osProcessor,
        String osArchitecture,
        String version,
        Long osBuild,
        String lastIpAddress,
        String lastExternalIpAddress,
        String healthStatus,
        String rbacGroupName,
        Long rbacGroupId,
        String riskScore,
        String exposureLevel,
        String deviceValue,
        String aadDeviceId,
        // Named explicitly: for a Boolean "is" accessor, bean naming would otherwise be ambiguous.
        @JsonProperty("isAadJoined") Boolean isAadJoined,
        List<String> machineTags,
        List<IpAddress> ipAddresses,
        String osVersion,
        String agentVersion,
        String defenderAvStatus,
        String managedBy,
        String managedByStatus,
        String mergedIntoMachineId,
        @JsonProperty("isPotentialDuplication") Boolean isPotentialDuplication,
        @JsonProperty("isExcluded") Boolean isExcluded,
        String exclusionReason) {

    public DefenderMachine {
        Objects.requireNonNull(id, "DefenderMachine.id is required");
        machineTags = Lists.copyOf(machineTags);
        ipAddresses = Lists.copyOf(ipAddresses);
    }
}
