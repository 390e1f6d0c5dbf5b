package io.mderesponse.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds brokers left behind by a run that was killed before it could stop them, and stops them.
 *
 * <p>Each broker's work directory holds {@code owner.pid} and {@code broker.pid}. A broker whose owner is no
 * longer alive is stale; it is stopped only if its command line still carries our marker for this state root,
 * so a reused pid is never killed by mistake.
 */
final class StaleBrokers {

    static final String OWNER_PID = "owner.pid";
    static final String BROKER_PID = "broker.pid";
    /** System property set on every broker JVM's command line, naming its state root. */
    static final String MARKER_PROPERTY = "-Dmde-response.kafka-broker.state-root";

    private StaleBrokers() {
    }

    static void record(Path workDir, long brokerPid) throws IOException {
        Files.writeString(workDir.resolve(OWNER_PID), Long.toString(ProcessHandle.current().pid()),
                StandardCharsets.UTF_8);
        Files.writeString(workDir.resolve(BROKER_PID), Long.toString(brokerPid), StandardCharsets.UTF_8);
    }

    /** Stops every broker under {@code stateRoot} whose owner is dead and removes its directory. */
    static int stopAll(Path stateRoot) {
        if (!Files.isDirectory(stateRoot)) {
            return 0;
        }
        int stopped = 0;
        try (Stream<Path> dirs = Files.list(stateRoot)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Optional<Long> owner = readPid(dir.resolve(OWNER_PID));
                if (owner.isPresent() && isAlive(owner.get())) {
                    continue;
                }
                Optional<ProcessHandle> broker = readPid(dir.resolve(BROKER_PID)).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(process -> isOurBroker(process, stateRoot));
                if (broker.isPresent()) {
                    broker.get().destroyForcibly();
                    stopped++;
                }
                deleteRecursively(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scan " + stateRoot + " for stale brokers", e);
        }
        return stopped;
    }

    private static boolean isOurBroker(ProcessHandle process, Path stateRoot) {
        return commandLine(process).map(line -> line.contains(MARKER_PROPERTY + "=" + stateRoot)).orElse(false);
    }

    /**
     * The process's command line. On Linux it is read from /proc, because the JDK's
     * {@code ProcessHandle.Info.commandLine()} is empty for long command lines such as a Maven test classpath.
     */
    private static Optional<String> commandLine(ProcessHandle process) {
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(procCmdline)) {
            try {
                return Optional.of(new String(Files.readAllBytes(procCmdline), StandardCharsets.ISO_8859_1)
                        .replace('\0', ' '));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return process.info().commandLine();
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover data of a stopped broker is harmless; the next stale scan retries the removal.
        }
    }
}
