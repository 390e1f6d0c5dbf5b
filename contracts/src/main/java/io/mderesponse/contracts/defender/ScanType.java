package io.mderesponse.contracts.defender;

/** The {@code ScanType} of Defender's {@code runAntiVirusScan} call. Constant names are the wire values. */
public enum ScanType {
    Quick,
    Full
}
