package io.mderesponse.defender.client.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny scripted HTTP server standing in for Defender where the simulator cannot answer as needed: it issues
 * tokens and answers each API path with a canned status, content type and body.
 */
public final class StubDefender implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, String contentType, String body) {
    }

    /** One received request. */
    public record Received(String method, String path, String body) {
    }

    private static final String TOKEN =
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"stub-token\"}";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StubDefender(HttpServer server) {
        this.server = server;
    }

    public static StubDefender start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubDefender stub = new StubDefender(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to {@code path} (without query) with this status, content type and body. */
    public void answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), path, body));
        Answer answer = path.endsWith("/oauth2/v2.0/token") ? new Answer(200, "application/json", TOKEN)
                : answers.getOrDefault(path, new Answer(404, "application/json",
                        "{\"error\":{\"code\":\"NotFound\",\"message\":\"no stub answer\",\"target\":\"stub\"}}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
