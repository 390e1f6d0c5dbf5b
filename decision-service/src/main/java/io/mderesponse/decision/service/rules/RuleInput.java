package io.mderesponse.decision.service.rules;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.HuntingRow;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import java.util.Map;

/**
 * What a rule's condition sees: the alert or the hunting row, and the machine (each may be null), and the same
 * as CEL variables, converted once per event rather than once per rule.
 */
public final class RuleInput {

    private final DefenderAlert alert;
    private final HuntingRow row;
    private final DefenderMachine machine;
    private final Map<String, Object> variables;

    private RuleInput(DefenderAlert alert, HuntingRow row, DefenderMachine machine) {
        this.alert = alert;
        this.row = row;
        this.machine = machine;
        this.variables = RuleVariables.of(alert, row, machine);
    }

    public static RuleInput of(EnrichedEvent event) {
        if (event instanceof AlertEnriched enriched) {
            return new RuleInput(enriched.alert(), null, enriched.machine());
        }
        HuntingRowEnriched hunting = (HuntingRowEnriched) event; // the only other kind of EnrichedEvent
        return new RuleInput(null, hunting.row(), hunting.machine());
    }

    public static RuleInput of(DefenderAlert alert, HuntingRow row, DefenderMachine machine) {
        return new RuleInput(alert, row, machine);
    }

    public DefenderAlert alert() {
        return alert;
    }

    public HuntingRow row() {
        return row;
    }

    public DefenderMachine machine() {
        return machine;
    }

    /** {@code alert}, {@code machine} and {@code row} as CEL values (see {@link RuleVariables}). */
    public Map<String, Object> variables() {
        return variables;
    }
}
