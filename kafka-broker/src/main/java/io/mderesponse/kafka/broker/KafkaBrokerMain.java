package io.mderesponse.kafka.broker;

import java.util.concurrent.CountDownLatch;

/**
 * Runs one broker in the foreground until Ctrl-C, for the local run: {@code --port N} fixes the client port
 * (default 9092). Prints {@code bootstrap.servers=...} once the broker is ready.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: [--port N]");
            }
        }
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-stop"));
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        stopped.await();
    }
}
