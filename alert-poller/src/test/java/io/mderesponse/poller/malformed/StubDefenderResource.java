package io.mderesponse.poller.malformed;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Defender: a token endpoint, and an alert list whose every answer holds two readable alerts and one
 * that the contract refuses (a severity Defender might add). The simulator validates what it stores, so it cannot
 * answer such a list.
 */
public class StubDefenderResource implements QuarkusTestResourceLifecycleManager {

    static final String GOOD_1 = "da" + System.nanoTime() + "_1";
    static final String GOOD_2 = "da" + System.nanoTime() + "_2";
    static final String BAD = "da" + System.nanoTime() + "_3";
    static final String ALERTS_TOPIC = "malformed-" + UUID.randomUUID() + ".alerts.new";
    static final String DLQ_TOPIC = "malformed-" + UUID.randomUUID() + ".dlq";
    static final AtomicInteger ALERT_LIST_CALLS = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        String now = Instant.now().toString();
        String body = """
                {"@odata.context":"x","value":[
                {"id":"%s","severity":"High","title":"good one","alertCreationTime":"%s","lastUpdateTime":"%s"},
                {"id":"%s","severity":"Critical","title":"from the future","alertCreationTime":"%s","lastUpdateTime":"%s"},
                {"id":"%s","severity":"Low","title":"good two","alertCreationTime":"%s","lastUpdateTime":"%s"}]}
                """.formatted(GOOD_1, now, now, BAD, now, now, GOOD_2, now, now);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/token", exchange -> answer(exchange,
                "{\"access_token\":\"stub\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.createContext("/api/alerts", exchange -> {
            ALERT_LIST_CALLS.incrementAndGet();
            answer(exchange, body);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("defender.api.base-url", base, "defender.token-url", base + "/token",
                "defender.tenant-id", "stub", "defender.client-id", "stub", "defender.client-secret", "stub",
                "defender.retry.attempts", "1",
                "topics.alerts-new", ALERTS_TOPIC, "topics.alert-poller-dlq", DLQ_TOPIC);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; odata.metadata=minimal; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
