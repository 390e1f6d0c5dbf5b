package io.mderesponse.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleBrokersTest {

    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path stateRoot;

    @Test
    void aBrokerWhoseOwnerWasKilledStopsByItself() throws Exception {
        Process owner = java(List.of(BrokerOwner.class.getName(), stateRoot.toString()));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                StandardCharsets.UTF_8))) {
            long brokerPid = Long.parseLong(out.readLine().trim());
            ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();
            assertThat(broker.isAlive()).isTrue();

            owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs in the owner

            await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isAlive());
        }
    }

    @Test
    void aMarkedProcessWithADeadOwnerIsStoppedAndItsDirectoryRemoved() throws Exception {
        Process stale = java(List.of(StaleBrokers.MARKER_PROPERTY + "=" + stateRoot, Sleeper.class.getName()));
        awaitExec(stale);
        Path dir = brokerDir("broker-stale", deadPid(), stale.pid());

        assertThat(StaleBrokers.stopAll(stateRoot)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !stale.isAlive());
        assertThat(dir).doesNotExist();
    }

    @Test
    void anUnmarkedProcessIsNeverKilledEvenIfItsPidIsRecorded() throws Exception {
        Process unrelated = java(List.of(Sleeper.class.getName()));
        awaitExec(unrelated);
        try {
            brokerDir("broker-reused-pid", deadPid(), unrelated.pid());

            assertThat(StaleBrokers.stopAll(stateRoot)).isZero();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aBrokerWhoseOwnerIsAliveIsLeftAlone() throws Exception {
        Process running = java(List.of(StaleBrokers.MARKER_PROPERTY + "=" + stateRoot, Sleeper.class.getName()));
        try {
            Path dir = brokerDir("broker-live", ProcessHandle.current().pid(), running.pid());

            assertThat(StaleBrokers.stopAll(stateRoot)).isZero();
            assertThat(running.isAlive()).isTrue();
            assertThat(dir).exists();
        } finally {
            running.destroyForcibly();
        }
    }

    private Path brokerDir(String name, long ownerPid, long brokerPid) throws IOException {
        Path dir = Files.createDirectories(stateRoot.resolve(name));
        Files.writeString(dir.resolve(StaleBrokers.OWNER_PID), Long.toString(ownerPid));
        Files.writeString(dir.resolve(StaleBrokers.BROKER_PID), Long.toString(brokerPid));
        return dir;
    }

    /** Java starts a child through a helper that execs it: until then the command line is the helper's. */
    private static void awaitExec(Process process) throws IOException {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(cmdline)
                && Files.readString(cmdline, StandardCharsets.ISO_8859_1).contains(Sleeper.class.getName()));
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static Process java(List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(CLASSPATH);
        if (args.get(0).startsWith("-D")) {
            command.add(args.get(0));
            command.addAll(args.subList(1, args.size()));
        } else {
            command.addAll(args);
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** An owner JVM: starts a broker, prints its pid, then waits to be killed. */
    public static final class BrokerOwner {
        public static void main(String[] args) throws InterruptedException {
            KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withStateRoot(Path.of(args[0])));
            System.out.println(broker.pid());
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    /** Stands in for a hung broker or an unrelated process. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }
}
