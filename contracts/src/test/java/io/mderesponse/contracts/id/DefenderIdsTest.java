package io.mderesponse.contracts.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which alert and machine ids are accepted, and what an error says about a bad one. */
class DefenderIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"da637472900382838869_1364969609", "da637308392288907382_-880718168",
            "ar638180599315648136_73827727", "a"})
    void alertIdsDefenderIssuesAreValid(String id) {
        assertThat(DefenderIds.isValidAlertId(id)).isTrue();
    }

    @Test
    void anAlertIdOf128CharactersIsValidAnd129IsNot() {
        assertThat(DefenderIds.isValidAlertId("a".repeat(128))).isTrue();
        assertThat(DefenderIds.isValidAlertId("a".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../machines", "a/b", "a b", "alert\n", "alert?x=1", "a%2F", "ålert", "a.b"})
    void alertIdsThatCouldChangeAUrlAreInvalid(String id) {
        assertThat(DefenderIds.isValidAlertId(id)).isFalse();
    }

    @Test
    void aMachineIdIsExactly40LowercaseHexCharacters() {
        assertThat(DefenderIds.isValidMachineId("1e5bc9d7e413ddd7902c2932e418702b84d0cc07")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1E5BC9D7E413DDD7902C2932E418702B84D0CC07", "1e5bc9d7e413ddd7902c2932e418702b84d0cc0",
            "1e5bc9d7e413ddd7902c2932e418702b84d0cc07a", "1e5bc9d7e413ddd7902c2932e418702b84d0cg7",
            "mymachine1.contoso.com", "1e5bc9d7e413ddd7902c2932e418702b84d0cc07\n"})
    void anythingElseIsNotAMachineId(String id) {
        assertThat(DefenderIds.isValidMachineId(id)).isFalse();
    }

    @Test
    void requireReturnsAValidId() {
        assertThat(DefenderIds.requireValidAlertId("alert-1")).isEqualTo("alert-1");
        assertThat(DefenderIds.requireValidMachineId("1e5bc9d7e413ddd7902c2932e418702b84d0cc07"))
                .isEqualTo("1e5bc9d7e413ddd7902c2932e418702b84d0cc07");
    }

    @Test
    void anInvalidAlertIdIsReportedWithTheRuleAndOnlyASanitisedPrefix() {
        String hostile = "evil\r\nX-Injected: yes" + "z".repeat(500);

        assertThatThrownBy(() -> DefenderIds.requireValidAlertId(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid alert id: expected 1 to 128 characters of [A-Za-z0-9_-], got 521 characters "
                        + "starting 'evil??X-Injected'...");
    }

    @Test
    void anInvalidMachineIdIsReportedWithTheRule() {
        assertThatThrownBy(() -> DefenderIds.requireValidMachineId("mymachine1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid machine id: expected exactly 40 lowercase hex characters, got 10 characters "
                        + "starting 'mymachine1'");
    }

    @Test
    void aNullIdIsReportedAsNull() {
        assertThatThrownBy(() -> DefenderIds.requireValidMachineId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("got null");
    }
}
