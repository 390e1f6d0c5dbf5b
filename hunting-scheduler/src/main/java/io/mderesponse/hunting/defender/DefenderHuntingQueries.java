package io.mderesponse.hunting.defender;

import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.health.GraphUse;
import io.mderesponse.defender.client.model.AdvancedQueryResult;
import io.mderesponse.defender.client.model.HuntingQueryResult;
import io.mderesponse.hunting.config.HuntingApi;
import io.mderesponse.hunting.config.HuntingConfig;
import io.mderesponse.hunting.service.HuntingAnswer;
import io.mderesponse.hunting.service.HuntingQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs hunting queries through the API {@code hunting.api} names: Microsoft Graph (the window as its
 * {@code Timespan}) or Defender's retiring advanced hunting API (the window only in the KQL's {@code ago()}).
 */
@ApplicationScoped
public class DefenderHuntingQueries implements HuntingQueries {

    private static final Logger LOG = Logger.getLogger(DefenderHuntingQueries.class);

    private final DefenderClient defender;
    private final HuntingApi api;

    public DefenderHuntingQueries(DefenderClient defender, HuntingConfig config, GraphUse graphUse) {
        this.defender = defender;
        this.api = config.api();
        if (api == HuntingApi.GRAPH) {
            graphUse.declare(); // readiness then holds a Graph token as well
            LOG.info("Hunting through Microsoft Graph (POST /security/runHuntingQuery; needs ThreatHunting.Read.All)");
        } else {
            LOG.warn("Hunting through Defender's advanced hunting API (POST /api/advancedqueries/run), which is being "
                    + "retired (MC1220762) and returns no data from 1 February 2027: set hunting.api=graph");
        }
    }

    /** The API in use. */
    public HuntingApi api() {
        return api;
    }

    @Override
    public HuntingAnswer run(String kql, Instant start, Instant end) {
        if (api == HuntingApi.GRAPH) {
            HuntingQueryResult result = defender.runHuntingQuery(kql, start, end);
            return new HuntingAnswer(types(result.schema().stream()
                    .map(c -> Map.entry(c.name(), c.type())).toList()), result.results());
        }
        AdvancedQueryResult result = defender.runAdvancedQuery(kql);
        return new HuntingAnswer(types(result.schema().stream()
                .map(c -> Map.entry(c.name(), c.type())).toList()), result.results());
    }

    private static Map<String, String> types(List<Map.Entry<String, String>> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        columns.stream().filter(c -> c.getKey() != null && c.getValue() != null)
                .forEach(c -> types.put(c.getKey(), c.getValue()));
        return types;
    }
}
