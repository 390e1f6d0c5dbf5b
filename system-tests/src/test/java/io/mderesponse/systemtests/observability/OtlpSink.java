package io.mderesponse.systemtests.observability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenTelemetry collector: takes OTLP/HTTP exports and answers 200 with an empty (valid) protobuf
 * response, so services with tracing on export without errors and the test can see that they did.
 */
public final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger traceExports = new AtomicInteger();

    public OtlpSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if (body.readAllBytes().length > 0 && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                    traceExports.incrementAndGet();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int traceExports() {
        return traceExports.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
