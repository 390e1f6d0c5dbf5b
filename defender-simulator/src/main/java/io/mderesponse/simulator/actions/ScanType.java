package io.mderesponse.simulator.actions;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import java.util.Arrays;

/** The documented values of the scan request's {@code ScanType} (reference 9.1). */
public enum ScanType {
    Quick,
    Full;

    /** Reads a request value; values are matched ignoring case, as .NET enum binding does (like IsolationType). */
    public static ScanType parse(String value) {
        return Arrays.stream(values())
                .filter(type -> type.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new ApiException(400, ErrorCodes.INVALID_INPUT, "Invalid ScanType '" + value
                        + "'. Allowed values are: Quick, Full."));
    }
}
