package io.mderesponse.contracts.event;

/** The machine actions this system requests. Constant names are Defender's {@code type} values. */
public enum MachineActionType {
    Isolate,
    Unisolate
}
