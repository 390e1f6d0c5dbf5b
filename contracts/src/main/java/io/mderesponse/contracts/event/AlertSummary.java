package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;

/** What decisions, actions and emails need to know about an alert, without its evidence. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertSummary(
        String alertId,
        String title,
        Severity severity,
        String category,
        String detectionSource,
        String machineId,
        String computerDnsName,
        String rbacGroupName,
        Instant alertCreationTime,
        Instant firstEventTime,
        Instant lastEventTime) {

    public AlertSummary {
        Fields.alertId(alertId, "AlertSummary.alertId");
        Fields.optionalMachineId(machineId, "AlertSummary.machineId");
    }

    /** The machine's name and RBAC group win over the alert's copies, which can be stale; {@code machine} may be null. */
    public static AlertSummary from(DefenderAlert alert, DefenderMachine machine) {
        String machineId = machine != null ? machine.id() : alert.machineId();
        String dnsName = machine != null && machine.computerDnsName() != null
                ? machine.computerDnsName() : alert.computerDnsName();
        String rbacGroup = machine != null && machine.rbacGroupName() != null
                ? machine.rbacGroupName() : alert.rbacGroupName();
        return new AlertSummary(alert.id(), alert.title(), alert.severity(), alert.category(),
                alert.detectionSource(), machineId, dnsName, rbacGroup, alert.alertCreationTime(),
                alert.firstEventTime(), alert.lastEventTime());
    }
}
