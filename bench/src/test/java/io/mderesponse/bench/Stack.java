package io.mderesponse.bench;

import io.mderesponse.kafka.broker.KafkaBroker;
import io.mderesponse.testsupport.system.RunningSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker of its own plus the whole running system (simulator, GreenMail, the five services as JVMs from their
 * packaged jars, configured by environment variables only). A fresh broker per stack keeps the scenarios of two
 * stacks (different budgets, caps and sent-logs) from seeing each other's state.
 */
final class Stack implements AutoCloseable {

    /**
     * The simulator stands in for Defender and is not part of the stack measured: it gets room for the benchmark's
     * tens of thousands of alerts and its call log.
     */
    static final List<String> SIMULATOR_JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC");
    /** JVM options of the broker. */
    static final List<String> BROKER_JVM_OPTIONS = KafkaBroker.Settings.LEAN_JVM_OPTIONS;

    final KafkaBroker broker;
    final RunningSystem system;

    private Stack(KafkaBroker broker, RunningSystem system) {
        this.broker = broker;
        this.system = system;
    }

    static Stack start(Map<String, String> serviceEnvironment, Map<String, String> simulatorEnvironment,
            List<String> serviceJvmOptions) {
        KafkaBroker broker = KafkaBroker.start();
        try {
            return new Stack(broker, RunningSystem.builder().bootstrapServers(broker.bootstrapServers())
                    .services(serviceEnvironment).simulator(simulatorEnvironment)
                    .jvmOptions(serviceJvmOptions).simulatorJvmOptions(SIMULATOR_JVM_OPTIONS).start());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The broker and every service (not the simulator: it stands in for Defender), with their process ids. */
    Map<String, Long> processes() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("kafka-broker", broker.pid());
        system.services().forEach(s -> pids.put(s.name(), s.pid()));
        return pids;
    }

    /** VmRSS and VmHWM of the broker and each service now. */
    Map<String, Memory> memory() {
        Map<String, Memory> memory = new LinkedHashMap<>();
        processes().forEach((name, pid) -> memory.put(name, Memory.of(pid)));
        return memory;
    }

    @Override
    public void close() {
        try {
            system.close();
        } finally {
            broker.close();
        }
    }
}
