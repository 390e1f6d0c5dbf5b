package io.mderesponse.simulator.actions;

/** The machine action types the simulator carries out (names as on the wire). */
public enum ActionType {
    Isolate,
    Unisolate
}
