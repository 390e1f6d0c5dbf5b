package io.mderesponse.bench;

/** The moments in one alert's way through the system, in order; each is read from a real part of the run. */
enum Milestone {
    /** The simulator shows the alert through its API (its {@code visibleAt}). */
    VISIBLE("alert visible in the simulator"),
    /** The poller's {@code AlertDetected} record on {@code defender.alerts.new} (record timestamp). */
    PUBLISHED("defender.alerts.new"),
    /** enrichment-service's {@code AlertEnriched} on {@code defender.alerts.enriched}. */
    ENRICHED("defender.alerts.enriched"),
    /** decision-service's {@code DecisionMade} on {@code defender.decisions}. */
    DECIDED("defender.decisions"),
    /** decision-service's {@code MachineActionRequested} on {@code defender.actions.requested}. */
    REQUESTED("defender.actions.requested"),
    /** The isolate call as the simulator received it (its call log). */
    ISOLATE_CALLED("isolate call received by the simulator"),
    /** response-service's {@code MachineActionCompleted} on {@code defender.actions.results}. */
    COMPLETED("defender.actions.results"),
    /** The first email naming the alert, as GreenMail received it. */
    EMAILED("email received by the SMTP server");

    final String where;

    Milestone(String where) {
        this.where = where;
    }
}
