package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import org.jboss.logging.Logger;

/**
 * Turns a new alert id into the full alert (with evidence) and its machine.
 *
 * <p>The machine is looked up only by the 40-hex device id the alert carries, never by name. An alert without
 * one, or whose machine Defender no longer knows, is published without a machine: it is decided but never
 * isolated.
 */
public class EnrichmentService {

    private static final Logger LOG = Logger.getLogger(EnrichmentService.class);

    private final DefenderClient defender;

    public EnrichmentService(DefenderClient defender) {
        this.defender = defender;
    }

    public AlertEnriched enrich(AlertNewEvent event) {
        DefenderAlert alert = defender.getAlert(event.alertId());
        return AlertEnriched.of(alert, machineOf(alert));
    }

    private DefenderMachine machineOf(DefenderAlert alert) {
        String machineId = alert.machineId();
        if (machineId == null) {
            return null;
        }
        if (!DefenderIds.isValidMachineId(machineId)) {
            LOG.warnf("Alert %s names a machine id that is not 40 hex characters; publishing it without a machine",
                    alert.id());
            return null;
        }
        try {
            return defender.getMachine(machineId);
        } catch (DefenderNotFoundException e) {
            LOG.warnf("Alert %s names machine %s, which Defender does not know (target %s); publishing it without "
                    + "a machine", alert.id(), machineId, e.target().orElse("-"));
            return null;
        }
    }
}
