package io.mderesponse.notifier.service;

import io.mderesponse.notifier.config.NotifierConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** Wires the plain {@link NotificationService} from {@code notifier.*}; a wrong setting stops the service at start. */
public class NotificationServiceProducer {

    private static final Logger LOG = Logger.getLogger(NotificationServiceProducer.class);

    @Produces
    @Singleton
    @Startup
    public NotificationService notificationService(NotifierConfig config) {
        List<String> recipients;
        try {
            recipients = Recipients.configured(config.recipients().orElse(List.of()),
                    NotificationService.RECIPIENTS_PROPERTY);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), Set.of(NotificationService.RECIPIENTS_PROPERTY));
        }
        PortalLinks links;
        try {
            links = new PortalLinks(config.portalBaseUrl());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("notifier.portal-base-url: " + e.getMessage(),
                    Set.of("notifier.portal-base-url"));
        }
        if (recipients.isEmpty()) {
            LOG.warnf("%s is empty: only events that name their own recipients are emailed",
                    NotificationService.RECIPIENTS_PROPERTY);
        } else {
            LOG.infof("Every email also goes to %d address(es) of %s", recipients.size(),
                    NotificationService.RECIPIENTS_PROPERTY);
        }
        return new NotificationService(recipients, links);
    }
}
