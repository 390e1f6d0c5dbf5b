package io.mderesponse.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.notifier.mail.MailSender;
import io.mderesponse.notifier.testing.TestConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.junit.jupiter.api.Test;

/** A wrong {@code notifier.*} setting stops the service at start, naming the property. */
class StartupChecksTest {

    @Test
    void anInvalidConfiguredRecipientStopsTheServiceNamingNotifierRecipients() {
        TestConfig config = TestConfig.defaults().withRecipients("soc@example.com", "SOC <soc@example.com>");

        assertThatThrownBy(() -> NotifierWiring.notificationService(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notifier.recipients");
    }

    @Test
    void aPortalBaseUrlThatIsNotAnHttpUrlStopsTheService() {
        TestConfig config = TestConfig.defaults().withPortalBaseUrl("javascript:alert(1)");

        assertThatThrownBy(() -> NotifierWiring.notificationService(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notifier.portal-base-url");
    }

    @Test
    void noConfiguredRecipientsIsAllowed() {
        assertThat(NotifierWiring.notificationService(TestConfig.defaults())).isNotNull();
    }

    @Test
    void aSenderWithADisplayNameOrLineBreakStopsTheService() {
        assertThatThrownBy(() -> new MailSender(null, TestConfig.defaults().withFrom("MDE <mde@example.com>"), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notifier.from");
        assertThatThrownBy(() -> new MailSender(null, TestConfig.defaults().withFrom("mde@example.com\r\nBcc: x@y.z"), null))
                .isInstanceOf(ConfigurationException.class);
    }
}
