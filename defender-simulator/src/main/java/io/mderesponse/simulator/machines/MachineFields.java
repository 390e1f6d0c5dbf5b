package io.mderesponse.simulator.machines;

import io.mderesponse.simulator.odata.EntityFields;
import io.mderesponse.simulator.odata.Field;
import java.util.Comparator;
import java.util.List;

/** The machine properties {@code $filter} and {@code $orderby} accept. */
final class MachineFields {

    static final EntityFields<Machine> FIELDS = new EntityFields<>("microsoft.windowsDefenderATP.api.PublicMachine",
            Comparator.comparing(Machine::id),
            Field.string("id", Machine::id),
            Field.string("computerDnsName", Machine::computerDnsName),
            Field.string("rbacGroupName", Machine::rbacGroupName),
            Field.int64("rbacGroupId", Machine::rbacGroupId),
            Field.enumeration("healthStatus", Machine::healthStatus, List.of("Active", "Inactive",
                    "ImpairedCommunication", "NoSensorData", "NoSensorDataImpairedCommunication", "Unknown")),
            Field.enumeration("riskScore", Machine::riskScore,
                    List.of("None", "Informational", "Low", "Medium", "High")),
            Field.enumeration("exposureLevel", Machine::exposureLevel, List.of("None", "Low", "Medium", "High")),
            Field.string("osPlatform", Machine::osPlatform),
            Field.string("onboardingStatus", Machine::onboardingStatus),
            Field.string("deviceValue", Machine::deviceValue),
            Field.string("version", Machine::version),
            Field.string("lastIpAddress", Machine::lastIpAddress),
            Field.string("aadDeviceId", Machine::aadDeviceId),
            Field.dateTime("lastSeen", Machine::lastSeen),
            Field.dateTime("firstSeen", Machine::firstSeen));

    private MachineFields() {
    }
}
