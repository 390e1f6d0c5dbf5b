package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"soc@example.com", "first.last+tag@sub.example.co.uk", "mde-response@localhost",
            "o'brien@example.com"})
    void plainAddressesAreValid(String address) {
        assertThat(Recipients.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"soc@example.com\r\nBcc: eve@evil.test", "soc@example.com\nx", "soc@example.com\r",
            "soc@example.com,eve@evil.test", "<soc@example.com>", "SOC <soc@example.com>", "soc @example.com",
            "soc@example.com eve@evil.test", "soc@example.com;eve@evil.test", "\"soc\"@example.com", "",
            "@example.com", "soc@", "soc", "soc@example..com", "soc@-example.com", "soc@exa_mple.com",
            "sóc@example.com"})
    void addressesThatCouldAddRecipientsOrSplitAHeaderAreInvalid(String address) {
        assertThat(Recipients.isValid(address)).isFalse();
    }

    @Test
    void nullAndOverlongAddressesAreInvalid() {
        assertThat(Recipients.isValid(null)).isFalse();
        assertThat(Recipients.isValid("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "."
                + "d".repeat(63))).isFalse();
    }

    @Test
    void configuredAddressesAreTrimmedWithoutEmptyEntriesOrDuplicates() {
        assertThat(Recipients.configured(List.of(" soc@example.com", "", "oncall@example.com ", "SOC@example.com"),
                "notifier.recipients"))
                .containsExactly("soc@example.com", "oncall@example.com");
    }

    @Test
    void anInvalidConfiguredAddressIsAnErrorNamingTheProperty() {
        assertThatThrownBy(() -> Recipients.configured(List.of("soc@example.com", "SOC Team <soc@example.com>"),
                "notifier.recipients"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notifier.recipients")
                .hasMessageContaining("invalid email address");
    }

    @Test
    void mergingKeepsTheEventsRecipientsFirstAndDropsDuplicatesIgnoringCase() {
        List<String> merged = Recipients.merge(List.of("analyst@example.com", "SOC@example.com"),
                List.of("soc@example.com", "oncall@example.com"), invalid -> {
                });

        assertThat(merged).containsExactly("analyst@example.com", "SOC@example.com", "oncall@example.com");
    }

    @Test
    void mergingLeavesOutAnInvalidEventRecipientAndReportsIt() {
        List<String> invalid = new ArrayList<>();

        List<String> merged = Recipients.merge(List.of("analyst@example.com", "eve@evil.test\r\nBcc: x@evil.test"),
                List.of("oncall@example.com"), invalid::add);

        assertThat(merged).containsExactly("analyst@example.com", "oncall@example.com");
        assertThat(invalid).containsExactly("eve@evil.test\r\nBcc: x@evil.test");
    }

    @Test
    void noRecipientsAnywhereMergeToAnEmptyList() {
        assertThat(Recipients.merge(List.of(), List.of(), invalid -> {
        })).isEmpty();
    }
}
