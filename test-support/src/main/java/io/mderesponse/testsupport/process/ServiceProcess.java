package io.mderesponse.testsupport.process;

import io.mderesponse.kafka.broker.KafkaBroker;
import io.mderesponse.kafka.broker.LoopbackPorts;
import io.mderesponse.kafka.broker.ParentWatchingMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running in its own JVM,
 * configured by environment variables alone, as in production.
 *
 * <p>The child runs under {@link ParentWatchingMain}, so it exits when the test JVM dies, even by SIGKILL.
 * Its output goes to {@code <module>/target/service-logs/}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Small JVMs: several services share a 2-core machine during system tests. */
    public static final List<String> LEAN_JVM_OPTIONS =
            List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final String QUARKUS_ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private final String name;
    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int httpPort, int managementPort, Path logFile) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /** Starts building the launch of the given module's packaged application. */
    public static Builder module(String module) {
        return new Builder(module);
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:<port>}: the application port, where the operator endpoints are. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Where health ({@code /q/health}) and metrics ({@code /q/metrics}) are: the management interface's port, or
     * the application port for a module without one (the Defender simulator).
     */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything the service printed so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops with SIGTERM, so Quarkus shuts down gracefully (commits offsets, closes producers). */
    @Override
    public void close() {
        process.destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Kills with SIGKILL: a crash, with no shutdown of any kind. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** How to launch one service. */
    public static final class Builder {

        private final String module;
        private final Map<String, String> env = new LinkedHashMap<>();
        private List<String> jvmOptions = LEAN_JVM_OPTIONS;
        private String name;
        private int httpPort;
        private String readinessPath = "/q/health/ready";
        private Duration readyTimeout = Duration.ofSeconds(90);

        private Builder(String module) {
            this.module = module;
            this.name = module;
        }

        /** Sets an environment variable of the service, e.g. {@code KAFKA_BOOTSTRAP_SERVERS}. */
        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** A name for logs, to tell replicas of one module apart. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The HTTP port; by default a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * The path that answers 200 once the service is ready, on the {@linkplain #managementUrl() management
         * interface}; {@code /q/health/ready} by default.
         */
        public Builder readinessPath(String path) {
            this.readinessPath = path;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Starts the service and waits until its readiness path answers 200. */
        public ServiceProcess start() {
            Path jar = ProjectLayout.quarkusRunJar(module);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " does not exist: package module " + module
                        + " first (mvn package, or order the reactor with a test dependency on it)");
            }
            try {
                int port = httpPort > 0 ? httpPort : LoopbackPorts.free();
                int management = ProjectLayout.hasManagementInterface(module) ? LoopbackPorts.freeExcept(port) : port;
                Path logDir = Files.createDirectories(jar.getParent().getParent().resolve("service-logs"));
                Path log = logDir.resolve(name + "-" + port + ".log");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmOptions);
                command.add("-cp");
                command.add(KafkaBroker.launcherLocation() + java.io.File.pathSeparator + jar);
                command.add(ParentWatchingMain.class.getName());
                command.add(Long.toString(ProcessHandle.current().pid()));
                command.add(QUARKUS_ENTRY_POINT);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(jar.getParent().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(env);
                builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
                if (management != port) {
                    builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
                }
                ServiceProcess service = new ServiceProcess(name, builder.start(), port, management, log);
                awaitReady(service);
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + name, e);
            }
        }

        private void awaitReady(ServiceProcess service) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI readiness = URI.create(service.managementUrl() + readinessPath);
            Instant deadline = Instant.now().plus(readyTimeout);
            while (Instant.now().isBefore(deadline)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + service.process.exitValue()
                            + " before it was ready; its log:\n" + tail(service.log()));
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name, e);
                }
                pause();
            }
            service.close();
            throw new IllegalStateException(name + " was not ready within " + readyTimeout + "; its log:\n"
                    + tail(service.log()));
        }

        private static void pause() {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String tail(String log) {
            String[] lines = log.split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60),
                    lines.length));
        }

    }
}
