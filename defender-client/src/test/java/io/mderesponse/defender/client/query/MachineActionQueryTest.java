package io.mderesponse.defender.client.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.model.MachineActionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Machine action filters: known fields only, ids checked, values written as safe OData literals. */
class MachineActionQueryTest {

    private static final String MACHINE = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";

    @Test
    void machineTypeAndStatusBecomeOneFilter() {
        MachineActionQuery query = MachineActionQuery.builder().machineId(MACHINE).type(MachineActionType.Isolate)
                .status(MachineActionStatus.Pending).top(2).build();

        assertThat(query.filter()).contains("machineId eq '" + MACHINE + "' and type eq 'Isolate'"
                + " and status eq 'Pending'");
        assertThat(query.top()).hasValue(2);
        assertThat(query.skip()).isEmpty();
    }

    @Test
    void aKindFiltersOnDefendersTypeName() {
        MachineActionQuery query = MachineActionQuery.builder().machineId(MACHINE)
                .type(MachineActionKind.ANTIVIRUS_SCAN).build();

        assertThat(query.filter()).contains("machineId eq '" + MACHINE + "' and type eq 'RunAntiVirusScan'");
        assertThat(MachineActionQuery.builder().type(MachineActionKind.REMOVE_APP_RESTRICTION).build().filter())
                .contains("type eq 'UnrestrictCodeExecution'");
    }

    @Test
    void theUnknownKindHasNoTypeToFilterOn() {
        assertThatThrownBy(() -> MachineActionQuery.builder().type(MachineActionKind.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creationTimeIsAnUnquotedUtcTimestamp() {
        MachineActionQuery query = MachineActionQuery.builder()
                .createdSince(Instant.parse("2019-01-02T14:39:38Z")).build();

        assertThat(query.filter()).contains("creationDateTimeUtc ge 2019-01-02T14:39:38Z");
    }

    @Test
    void aRequestorWithQuotesCannotLeaveItsLiteral() {
        MachineActionQuery query = MachineActionQuery.builder()
                .where(MachineActionField.REQUESTOR, Comparison.EQ, "a' or 'b").build();

        assertThat(query.filter()).contains("requestor eq 'a'' or ''b'");
    }

    @Test
    void idsAreCheckedBeforeTheyEnterTheFilter() {
        assertThatThrownBy(() -> MachineActionQuery.builder().machineId("DESKTOP-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("machine id");
        assertThatThrownBy(() -> MachineActionQuery.builder().where(MachineActionField.ID, Comparison.EQ, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GUID");
    }
}
