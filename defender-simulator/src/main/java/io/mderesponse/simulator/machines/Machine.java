package io.mderesponse.simulator.machines;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** A machine (device) with the documented fields. Isolation state is not one of them, as on the real API. */
public record Machine(
        String id,
        String computerDnsName,
        Instant firstSeen,
        Instant lastSeen,
        String osPlatform,
        String osProcessor,
        String osArchitecture,
        String version,
        Long osBuild,
        String lastIpAddress,
        String lastExternalIpAddress,
        String healthStatus,
        String onboardingStatus,
        String deviceValue,
        Long rbacGroupId,
        String rbacGroupName,
        String riskScore,
        String exposureLevel,
        Boolean isAadJoined,
        String aadDeviceId,
        List<String> machineTags,
        List<IpAddress> ipAddresses) {

    /** Machine ids are 40 lowercase hexadecimal characters in every documented example. */
    public static final Pattern ID = Pattern.compile("[0-9a-f]{40}");

    /** One network interface address. */
    public record IpAddress(String ipAddress, String macAddress, String type, String operationalStatus) {
    }
}
