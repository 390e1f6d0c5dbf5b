package io.mderesponse.decision.service.rules;

import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.StructType;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.HuntingRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables a rule's {@code when} sees: {@code alert} (Defender's alert), {@code machine} (Defender's machine)
 * and {@code row} (a hunting row), with the fields of the contracts' records, named as in their JSON.
 *
 * <p>All three are always present: an event without one of them (a hunting row has no alert, an alert may have no
 * machine) sees it with zero values ({@code machine.id == ""}), so a rule about alerts never matches a hunting
 * row by accident and never fails on a missing machine.
 */
public final class RuleVariables {

    public static final String ALERT = "alert";
    public static final String MACHINE = "machine";
    public static final String ROW = "row";
    public static final Set<String> NAMES = Set.of(ALERT, MACHINE, ROW);

    private static final RecordTypes TYPES = new RecordTypes();
    static final StructType ALERT_TYPE = TYPES.declare(DefenderAlert.class);
    static final StructType MACHINE_TYPE = TYPES.declare(DefenderMachine.class);
    static final StructType ROW_TYPE = TYPES.declare(HuntingRow.class);
    static final CelTypeProvider TYPE_PROVIDER = TYPES.typeProvider();

    private RuleVariables() {
    }

    /** The activation for CEL: {@code alert}, {@code machine} and {@code row} as maps of their fields. */
    static Map<String, Object> of(DefenderAlert alert, HuntingRow row, DefenderMachine machine) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ALERT, TYPES.valueOf(alert, DefenderAlert.class));
        variables.put(MACHINE, TYPES.valueOf(machine, DefenderMachine.class));
        variables.put(ROW, TYPES.valueOf(row, HuntingRow.class));
        return Map.copyOf(variables);
    }
}
