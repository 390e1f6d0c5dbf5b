package io.mderesponse.kafka.broker;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs another main class and exits as soon as the JVM that started this one is gone, so a killed test run
 * or local run never leaves a broker or a service behind holding its ports.
 *
 * <p>Arguments: the owner's pid, the main class to run, then that class's arguments. Uses only the JDK, so
 * it can be put on any child JVM's classpath.
 */
public final class ParentWatchingMain {

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParentWatchingMain <owner pid> <main class> [args...]");
        }
        long ownerPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> watchOwner(ownerPid), "owner-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            // The target is looked up by name: Kafka, for one, is on the child's classpath only.
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void watchOwner(long ownerPid) {
        while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        // The owner is gone: exit through the shutdown hooks, which stop Kafka or Quarkus cleanly.
        System.exit(0);
    }
}
