package io.mderesponse.poller.config;

import io.mderesponse.poller.service.AlertPages;
import io.mderesponse.poller.service.AlertPoller;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Builds the plain {@link AlertPoller} from {@link PollerConfig} and the Defender adapter; a setting it cannot
 * work with stops the service at start, naming the property.
 */
@Singleton
public class PollerWiring {

    @Produces
    @Singleton
    AlertPoller alertPoller(AlertPages pages, PollerConfig config) {
        if (config.pageSize() < 2 || config.pageSize() > 10_000) {
            throw new ConfigurationException("poller.page-size must be 2 to 10000 (Defender's maximum $top; each "
                    + "page re-reads one alert), not " + config.pageSize(), Set.of("poller.page-size"));
        }
        if (config.seenRetention().compareTo(config.overlap()) <= 0) {
            throw new ConfigurationException("poller.seen-retention (" + config.seenRetention() + ") must be longer "
                    + "than poller.overlap (" + config.overlap() + "): ids in the overlap must be remembered",
                    Set.of("poller.seen-retention", "poller.overlap"));
        }
        if (config.snapshotMaxBytes() < 0) {
            throw new ConfigurationException("poller.snapshot-max-bytes must be 0 or more, not "
                    + config.snapshotMaxBytes(), Set.of("poller.snapshot-max-bytes"));
        }
        return new AlertPoller(pages, config.overlap(), config.initialLookback(), config.seenRetention(),
                config.pageSize(), config.snapshotMaxBytes());
    }
}
