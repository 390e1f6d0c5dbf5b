package io.mderesponse.contracts.defender;

/** The {@code IsolationType} of Defender's isolate call. Constant names are the wire values. */
public enum IsolationType {
    Full,
    Selective,
    /** Contains an unmanaged device (added to the API in 2025). */
    UnManagedDevice
}
