package io.mderesponse.decision.rules;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.HuntingRow;
import io.mderesponse.contracts.event.HuntingRowEnriched;

/**
 * What a rule's condition sees: the alert or the hunting row, and the machine (each may be null).
 */
public record RuleInput(DefenderAlert alert, HuntingRow row, DefenderMachine machine) {

    public static RuleInput of(EnrichedEvent event) {
        if (event instanceof AlertEnriched alert) {
            return new RuleInput(alert.alert(), null, alert.machine());
        }
        HuntingRowEnriched hunting = (HuntingRowEnriched) event; // the only other kind of EnrichedEvent
        return new RuleInput(null, hunting.row(), hunting.machine());
    }
}
