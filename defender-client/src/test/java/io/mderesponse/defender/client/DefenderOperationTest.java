package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.event.MachineActionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The call that starts each kind of machine action: its permission, its family, never retried blindly. */
class DefenderOperationTest {

    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void everyKnownKindHasAStartingCallNeedingTheKindsPermissionThatIsNotIdempotent(MachineActionKind kind) {
        DefenderOperation operation = DefenderOperation.starting(kind);

        assertThat(operation.requiredPermission()).isEqualTo(kind.permission());
        assertThat(operation.idempotent()).isFalse();
        assertThat(operation.permissionApi()).isEqualTo("WindowsDefenderATP");
    }

    @Test
    void eachNewKindCountsAgainstItsOwnFamilyNotIsolations() {
        assertThat(DefenderOperation.starting(MachineActionKind.ISOLATE).family()).isEqualTo(ApiFamily.ISOLATE);
        assertThat(DefenderOperation.starting(MachineActionKind.UNISOLATE).family()).isEqualTo(ApiFamily.ISOLATE);
        assertThat(DefenderOperation.starting(MachineActionKind.ANTIVIRUS_SCAN).family())
                .isEqualTo(ApiFamily.ANTIVIRUSSCAN);
        assertThat(DefenderOperation.starting(MachineActionKind.COLLECT_INVESTIGATION_PACKAGE).family())
                .isEqualTo(ApiFamily.INVESTIGATIONPACKAGE);
        assertThat(DefenderOperation.starting(MachineActionKind.RESTRICT_APP_EXECUTION).family())
                .isEqualTo(ApiFamily.RESTRICTEXECUTION);
        assertThat(DefenderOperation.starting(MachineActionKind.REMOVE_APP_RESTRICTION).family())
                .isEqualTo(ApiFamily.RESTRICTEXECUTION);
        assertThat(DefenderOperation.starting(MachineActionKind.STOP_AND_QUARANTINE_FILE).family())
                .isEqualTo(ApiFamily.QUARANTINE);
    }

    @Test
    void theUnknownKindHasNoCall() {
        assertThatThrownBy(() -> DefenderOperation.starting(MachineActionKind.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
