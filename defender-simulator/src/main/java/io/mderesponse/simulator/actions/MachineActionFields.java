package io.mderesponse.simulator.actions;

import io.mderesponse.simulator.odata.EntityFields;
import io.mderesponse.simulator.odata.Field;
import java.util.Comparator;
import java.util.List;

/** The machine action properties {@code $filter} and {@code $orderby} accept. */
final class MachineActionFields {

    static final EntityFields<MachineAction> FIELDS = new EntityFields<>(
            "microsoft.windowsDefenderATP.api.MachineAction",
            Comparator.comparing(MachineAction::creationDateTimeUtc).thenComparing(MachineAction::id),
            Field.string("id", MachineAction::id),
            Field.enumeration("status", MachineAction::status,
                    List.of("Pending", "InProgress", "Succeeded", "Failed", "TimeOut", "Cancelled")),
            Field.string("machineId", MachineAction::machineId),
            Field.string("type", MachineAction::type),
            Field.string("requestor", MachineAction::requestor),
            Field.string("scope", MachineAction::scope),
            Field.string("computerDnsName", MachineAction::computerDnsName),
            Field.dateTime("creationDateTimeUtc", MachineAction::creationDateTimeUtc),
            Field.dateTime("lastUpdateDateTimeUtc", MachineAction::lastUpdateDateTimeUtc));

    private MachineActionFields() {
    }
}
