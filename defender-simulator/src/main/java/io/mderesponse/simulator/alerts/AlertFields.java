package io.mderesponse.simulator.alerts;

import io.mderesponse.simulator.odata.EntityFields;
import io.mderesponse.simulator.odata.Field;
import java.util.Comparator;

/** The alert properties {@code $filter} and {@code $orderby} accept. */
final class AlertFields {

    static final EntityFields<Alert> FIELDS = new EntityFields<>("microsoft.windowsDefenderATP.api.PublicAlert",
            Comparator.comparing(Alert::alertCreationTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Alert::id),
            Field.string("id", Alert::id),
            Field.dateTime("alertCreationTime", Alert::alertCreationTime),
            Field.dateTime("lastUpdateTime", Alert::lastUpdateTime),
            Field.dateTime("firstEventTime", Alert::firstEventTime),
            Field.dateTime("lastEventTime", Alert::lastEventTime),
            Field.dateTime("resolvedTime", Alert::resolvedTime),
            Field.enumeration("severity", Alert::severity, Alert.SEVERITIES),
            Field.enumeration("status", Alert::status, Alert.STATUSES),
            Field.string("machineId", Alert::machineId),
            Field.string("computerDnsName", Alert::computerDnsName),
            Field.int64("incidentId", Alert::incidentId),
            Field.int64("investigationId", Alert::investigationId),
            Field.string("assignedTo", Alert::assignedTo),
            Field.string("detectionSource", Alert::detectionSource),
            Field.string("category", Alert::category),
            Field.string("classification", Alert::classification),
            Field.string("determination", Alert::determination),
            Field.string("title", Alert::title),
            Field.string("rbacGroupName", Alert::rbacGroupName));

    private AlertFields() {
    }
}
