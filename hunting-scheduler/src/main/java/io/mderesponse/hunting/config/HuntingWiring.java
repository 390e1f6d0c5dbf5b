package io.mderesponse.hunting.config;

import io.mderesponse.hunting.service.HuntingListener;
import io.mderesponse.hunting.service.HuntingQueries;
import io.mderesponse.hunting.service.HuntingRuns;
import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.service.query.QueryFile;
import io.mderesponse.hunting.service.query.QueryFileException;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the plain {@link HuntingRuns} from {@link HuntingConfig}, the query file it names, the Defender adapter and
 * the metrics; a missing or invalid query file, or a look-back the retention does not cover, stops the service at
 * start, naming the property.
 */
@Singleton
public class HuntingWiring {

    private static final Logger LOG = Logger.getLogger(HuntingWiring.class);

    @Produces
    @Singleton
    HuntingRuns huntingRuns(HuntingConfig config, HuntingQueries hunting, HuntingListener listener) {
        List<HuntingQuery> queries = loadQueries(config);
        try {
            return new HuntingRuns(queries, hunting,
                    config.seenRetention(), config.failureBackoff(), config.quotaPause(), listener);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("hunting.path / hunting.seen-retention: " + e.getMessage(),
                    Set.of("hunting.path", "hunting.seen-retention"));
        }
    }

    /** Reads {@code hunting.path}; a missing or invalid file stops the service, naming the property. */
    static List<HuntingQuery> loadQueries(HuntingConfig config) {
        if (config.path().isEmpty()) {
            LOG.warn("hunting.path is not set: no hunting query will run");
            return List.of();
        }
        try {
            List<HuntingQuery> queries = QueryFile.load(Path.of(config.path().get()));
            LOG.infof("Loaded %d hunting queries from %s: %s", queries.size(), config.path().get(),
                    queries.stream().map(HuntingQuery::id).toList());
            return queries;
        } catch (QueryFileException e) {
            throw new ConfigurationException("hunting.path: " + e.getMessage(), Set.of("hunting.path"));
        }
    }
}
