package io.mderesponse.simulator.actions;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import java.util.Arrays;

/** The documented values of the isolate request's {@code IsolationType}. */
public enum IsolationType {
    Full,
    Selective,
    UnManagedDevice;

    /** Reads a request value; values are matched ignoring case, as .NET enum binding does. */
    public static IsolationType parse(String value) {
        return Arrays.stream(values())
                .filter(type -> type.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new ApiException(400, ErrorCodes.INVALID_INPUT, "Invalid IsolationType '" + value
                        + "'. Allowed values are: Full, Selective, UnManagedDevice."));
    }
}
