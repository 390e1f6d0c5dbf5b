package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A network interface of a machine ({@code ipAddresses[]}); type and status stay strings as Defender adds values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IpAddress(String ipAddress, String macAddress, String type, String operationalStatus) {
}
