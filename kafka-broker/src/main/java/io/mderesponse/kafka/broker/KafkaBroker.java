package io.mderesponse.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real single-node Kafka broker in KRaft mode, running as a child JVM built from Kafka's own jars.
 *
 * <p>The child watches this JVM and exits when it is gone, and every broker leaves a pid file so that a
 * later start can stop brokers whose owner was killed (a SIGKILLed test JVM runs no shutdown hook).
 */
public final class KafkaBroker implements AutoCloseable {

    /** The line Kafka logs (logger kafka.server.KafkaRaftServer, INFO) once the broker serves requests. */
    static final String READY_LINE = "Kafka Server started";

    private static final String CLASSPATH_RESOURCE = "broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private volatile Process process;
    private final Path workDir;
    private final String bootstrapServers;
    private final List<String> serverCommand;
    private int starts = 1;

    private KafkaBroker(Process process, Path workDir, String bootstrapServers, List<String> serverCommand) {
        this.process = process;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.serverCommand = List.copyOf(serverCommand);
    }

    /** Starts a broker on free loopback ports with lean JVM settings, and waits until it is ready. */
    public static KafkaBroker start() {
        return start(Settings.defaults());
    }

    /** Starts a broker with the given settings and waits until it is ready. */
    public static KafkaBroker start(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        StaleBrokers.stopAll(settings.stateRoot());
        try {
            Path workDir = Files.createDirectories(settings.stateRoot())
                    .resolve("broker-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.createDirectories(workDir);
            int port = settings.port() > 0 ? settings.port() : LoopbackPorts.free();
            int controllerPort = LoopbackPorts.freeExcept(port);
            Path properties = writeServerProperties(workDir, port, controllerPort, settings.sasl());
            Path log4j = writeLog4jConfig(workDir);
            // The classpath goes into an argument file: a short command line stays readable in ps and in /proc.
            Path classpath = workDir.resolve("classpath.args");
            Files.writeString(classpath, "-cp \"" + brokerClasspath() + "\"\n", StandardCharsets.UTF_8);

            List<String> format = new ArrayList<>(List.of("format", "-t", randomClusterId(), "-c",
                    properties.toString(), "--standalone"));
            // SCRAM credentials go into the first metadata records, so every user can log in from the first start.
            settings.sasl().ifPresent(sasl -> sasl.allUsers().forEach((name, password) -> format.addAll(List.of(
                    "--add-scram", Sasl.MECHANISM + "=[name=" + name + ",password=" + password + "]"))));
            runToCompletion(javaCommand(settings, classpath, log4j, "kafka.tools.StorageTool",
                    format.toArray(String[]::new)), workDir.resolve("format.log"));

            List<String> command = javaCommand(settings, classpath, log4j,
                    ParentWatchingMain.class.getName(),
                    Long.toString(ProcessHandle.current().pid()), "kafka.Kafka", properties.toString());
            Path log = workDir.resolve("broker.log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            StaleBrokers.record(workDir, process.pid());
            KafkaBroker broker = new KafkaBroker(process, workDir, "127.0.0.1:" + port, command);
            broker.awaitReady(log);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka broker", e);
        }
    }

    /** The value for {@code kafka.bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's process id. */
    public long pid() {
        return process.pid();
    }

    /** The directory holding the broker's configuration, data and log. */
    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the broker with SIGTERM but keeps its data, ports and work directory, for {@link #startAgain()}:
     * clients see the broker go away as in a broker restart.
     */
    public synchronized void stop() {
        Process current = process;
        current.destroy();
        try {
            if (!current.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a stopped broker again on the same ports with the same data (no new cluster id, no formatting) and
     * waits until it is ready. Its output goes to {@code broker-<n>.log} in the work directory.
     */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException("The broker is running; stop() it first");
        }
        try {
            Path log = workDir.resolve("broker-" + (++starts) + ".log");
            process = new ProcessBuilder(serverCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            StaleBrokers.record(workDir, process.pid());
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka broker again", e);
        }
    }

    /** A broker restart: {@link #stop()}, then {@link #startAgain()} on the same ports and data. */
    public void restart() {
        stop();
        startAgain();
    }

    /** Stops the broker with SIGTERM (a controlled shutdown takes about a second), then removes its data. */
    @Override
    public void close() {
        stop();
        StaleBrokers.deleteRecursively(workDir);
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded Kafka broker exited with code " + process.exitValue()
                        + " before it was ready; its log:\n" + tail(log));
            }
            pause(Duration.ofMillis(100));
        }
        close();
        throw new IllegalStateException("The embedded Kafka broker was not ready within " + START_TIMEOUT
                + "; its log:\n" + tail(log));
    }

    private static List<String> javaCommand(Settings settings, Path classpathArgs, Path log4j, String mainClass,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        // Marks the process as ours, so the stale-broker scan never kills an unrelated process with a reused pid.
        command.add(StaleBrokers.MARKER_PROPERTY + "=" + settings.stateRoot());
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("@" + classpathArgs);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static void runToCompletion(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage timed out; log:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with code " + process.exitValue()
                    + "; log:\n" + tail(log));
        }
    }

    private static Path writeServerProperties(Path workDir, int port, int controllerPort, Optional<Sasl> sasl)
            throws IOException {
        // The controller listener stays plaintext on loopback in both modes; only the client listener changes.
        String client = sasl.isPresent() ? "SASL_PLAINTEXT" : "PLAINTEXT";
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=" + client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + client + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + client,
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT," + client + ":" + client));
        sasl.ifPresent(settings -> lines.addAll(settings.serverProperties(client)));
        lines.addAll(List.of(                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                // Compacted state topics are read back at start: let the cleaner work on short test runs too.
                "log.cleaner.min.compaction.lag.ms=0",
                "auto.create.topics.enable=true",
                ""));
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }

    private static Path writeLog4jConfig(Path workDir) throws IOException {
        // Quiet broker, but KafkaRaftServer must stay at INFO: its "started" line is the readiness signal.
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.raft.name = kafka.server.KafkaRaftServer",
                "logger.raft.level = INFO",
                "");
        Path file = workDir.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    /** The broker's classpath: Kafka's jars, as resolved at build time, plus this module for the launcher main. */
    static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + CLASSPATH_RESOURCE + " is missing: build the "
                        + "kafka-broker module with Maven, which writes Kafka's classpath into it");
            }
            String kafkaJars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return launcherLocation() + java.io.File.pathSeparator + kafkaJars;
        }
    }

    /** The jar or directory holding this module's classes, for child JVMs that run {@link ParentWatchingMain}. */
    public static String launcherLocation() {
        try {
            return Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the kafka-broker classes", e);
        }
    }


    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as Kafka's Uuid prints it. Like
     * Kafka's own {@code Uuid.randomUuid()}, never one starting with '-', which the storage tool's argument parser
     * would take for an option.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /**
     * How to start a broker.
     *
     * @param port the client port, or 0 for a free one
     * @param stateRoot where brokers keep their data and pid files
     * @param jvmOptions options for the broker JVM
     * @param sasl SASL/SCRAM with ACLs on the client listener; empty for plaintext without authentication (the
     *     default of every test but those of Kafka security)
     */
    public record Settings(int port, Path stateRoot, List<String> jvmOptions, Optional<Sasl> sasl) {

        /** Lean options: a test broker idles at about 160 MB instead of 350 MB. */
        public static final List<String> LEAN_JVM_OPTIONS =
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            Objects.requireNonNull(stateRoot, "stateRoot");
            Objects.requireNonNull(sasl, "sasl");
        }

        public static Settings defaults() {
            return new Settings(0, Path.of(System.getProperty("java.io.tmpdir"), "mde-response-kafka"),
                    LEAN_JVM_OPTIONS, Optional.empty());
        }

        public Settings withPort(int port) {
            return new Settings(port, stateRoot, jvmOptions, sasl);
        }

        public Settings withStateRoot(Path stateRoot) {
            return new Settings(port, stateRoot, jvmOptions, sasl);
        }

        /** The client listener speaks SASL_PLAINTEXT with SCRAM-SHA-512, and every request is authorized. */
        public Settings withSasl(Sasl sasl) {
            return new Settings(port, stateRoot, jvmOptions, Optional.of(sasl));
        }
    }

    /**
     * The client listener as a secured production cluster has it, without TLS: SASL/SCRAM-SHA-512 and KRaft's
     * {@code StandardAuthorizer}, which denies whatever no ACL allows. The super user (the test harness: creating
     * topics, writing ACLs) and the other users get their SCRAM credentials when the storage is formatted.
     *
     * <p>The controller listener stays plaintext on loopback; the broker registers with the controller on it as
     * {@code User:ANONYMOUS}, which therefore is a super user too. Clients never reach that principal on the
     * SASL listener, where an unauthenticated connection is refused.
     *
     * @param users other users by name, with their passwords ({@code [A-Za-z0-9._-]} only: the storage tool's
     *     {@code --add-scram} syntax has no quoting)
     */
    public record Sasl(String superUser, String superUserPassword, Map<String, String> users) {

        public static final String MECHANISM = "SCRAM-SHA-512";
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

        public Sasl {
            Objects.requireNonNull(superUser, "superUser");
            Objects.requireNonNull(superUserPassword, "superUserPassword");
            users = Map.copyOf(users);
            Map<String, String> all = new LinkedHashMap<>(users);
            all.put(superUser, superUserPassword);
            all.forEach((name, password) -> {
                if (!PLAIN.matcher(name).matches() || !PLAIN.matcher(password).matches()) {
                    throw new IllegalArgumentException("SCRAM user names and passwords here are [A-Za-z0-9._-]: "
                            + name);
                }
            });
        }

        /** The users and the super user, by name. */
        public Map<String, String> allUsers() {
            Map<String, String> all = new LinkedHashMap<>(users);
            all.put(superUser, superUserPassword);
            return all;
        }

        /** The JAAS line a client logs in with as {@code user}: {@code sasl.jaas.config}. */
        public static String jaasConfig(String user, String password) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                    + "\" password=\"" + password + "\";";
        }

        List<String> serverProperties(String listener) {
            String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + "."
                    + MECHANISM.toLowerCase(Locale.ROOT) + ".";
            return List.of(
                    "sasl.enabled.mechanisms=" + MECHANISM,
                    "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                    // The broker's own connections to itself log in as the super user.
                    prefix + "sasl.jaas.config=" + jaasConfig(superUser, superUserPassword),
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "allow.everyone.if.no.acl.found=false",
                    "super.users=User:" + superUser + ";User:ANONYMOUS");
        }
    }
}
