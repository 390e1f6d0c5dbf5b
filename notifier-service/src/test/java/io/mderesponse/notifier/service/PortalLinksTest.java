package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalLinksTest {

    @Test
    void linksPointToTheAlertAndTheMachineUnderTheBaseUrl() {
        PortalLinks links = new PortalLinks("https://security.microsoft.com/");

        assertThat(links.alert("da637472900382838869_1364969609"))
                .isEqualTo("https://security.microsoft.com/alerts/da637472900382838869_1364969609");
        assertThat(links.machine("1e5bc9d7e413ddd7902c2932e418702b84d0cc07"))
                .isEqualTo("https://security.microsoft.com/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07");
    }

    @Test
    void idsAreEncodedAsPathSegments() {
        assertThat(PortalLinks.pathSegment("a b/c?d#e&f\"<g>%~*")).isEqualTo("a%20b%2Fc%3Fd%23e%26f%22%3Cg%3E%25~%2A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "security.microsoft.com", "ftp://security.microsoft.com",
            "https://security.microsoft.com/?x=1", "https://security.microsoft.com/#x", "https:///alerts",
            "https://exa mple.com"})
    void aBaseUrlThatIsNotAnAbsoluteHttpUrlIsRejected(String baseUrl) {
        assertThatThrownBy(() -> new PortalLinks(baseUrl)).isInstanceOf(IllegalArgumentException.class);
    }
}
