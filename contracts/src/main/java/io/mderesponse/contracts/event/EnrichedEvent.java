package io.mderesponse.contracts.event;

import io.mderesponse.contracts.defender.DefenderMachine;

/** An event on {@code defender.alerts.enriched}: an alert or a hunting row, with the machine it concerns. */
public sealed interface EnrichedEvent extends Event permits AlertEnriched, HuntingRowEnriched {

    /** Null when there is no machine to look up. */
    DefenderMachine machine();
}
