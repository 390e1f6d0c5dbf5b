package io.mderesponse.simulator.actions;

/** The machine action types the simulator carries out (names as on the wire, reference sections 4 and 9.8). */
public enum ActionType {
    Isolate("Isolate"),
    Unisolate("Release from isolation"),
    RunAntiVirusScan("Run antivirus scan"),
    CollectInvestigationPackage("Collect investigation package"),
    RestrictCodeExecution("Restrict app execution"),
    UnrestrictCodeExecution("Remove app execution restriction"),
    StopAndQuarantineFile("Stop and quarantine file");

    private final String title;

    ActionType(String title) {
        this.title = title;
    }

    /** The start of the action's {@code title} (the simulator's own wording), e.g. "Run antivirus scan". */
    public String title() {
        return title;
    }

    /** Isolation and its release: the actions that decide whether a machine is isolated. */
    public boolean isIsolation() {
        return this == Isolate || this == Unisolate;
    }
}
