package io.mderesponse.defender.client;

import io.mderesponse.defender.client.api.DefenderApi;
import io.mderesponse.defender.client.api.GraphHuntingApi;
import io.mderesponse.defender.client.config.DefenderConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The REST clients, built from {@link DefenderConfig}: two of the Defender API, one for ordinary calls and one with
 * the long read timeout advanced queries need (the read timeout is per client, not per call), and Microsoft Graph's
 * hunting client with that long timeout too.
 */
@Singleton
class DefenderEndpoints {

    private static final Logger LOG = Logger.getLogger(DefenderEndpoints.class);

    private final DefenderApi api;
    private final DefenderApi advancedQueries;
    private final GraphHuntingApi graphHunting;

    @Inject
    DefenderEndpoints(DefenderConfig config) {
        URI baseUri = URI.create(config.api().baseUrl());
        this.api = build(baseUri, config.api().connectTimeout(), config.api().readTimeout());
        this.advancedQueries = build(baseUri, config.api().connectTimeout(), config.api().queryTimeout());
        this.graphHunting = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.graph().baseUrl()))
                .connectTimeout(config.api().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.api().queryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(GraphHuntingApi.class);
    }

    DefenderApi api() {
        return api;
    }

    DefenderApi advancedQueries() {
        return advancedQueries;
    }

    GraphHuntingApi graphHunting() {
        return graphHunting;
    }

    @PreDestroy
    void close() {
        close(api);
        close(advancedQueries);
        close(graphHunting);
    }

    private static DefenderApi build(URI baseUri, Duration connectTimeout, Duration readTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(DefenderApi.class);
    }

    private static void close(Object client) {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.debug("Closing a Defender REST client failed", e);
            }
        }
    }
}
