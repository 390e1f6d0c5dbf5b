package io.mderesponse.testsupport.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mderesponse.kafka.broker.LoopbackPorts;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole system as production runs it: the real broker, the Defender simulator, a real SMTP server
 * (GreenMail) and each of the five services in its own JVM from its packaged jar, configured only by
 * environment variables. Used by system-tests and by the benchmark.
 */
public final class RunningSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("alert-poller", "enrichment-service", "decision-service",
            "response-service", "notifier-service");
    public static final String RECIPIENT = "soc@example.com";

    public final String bootstrapServers;
    public final GreenMail mail;
    public final ServiceProcess simulatorProcess;
    public final SimulatorAdmin simulator;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironments;
    private final List<String> jvmOptions;

    private RunningSystem(Builder builder) {
        jvmOptions = builder.jvmOptions;
        serviceEnvironments = Map.copyOf(builder.perService);
        bootstrapServers = builder.bootstrapServers != null ? builder.bootstrapServers
                : SharedKafkaBroker.bootstrapServers();
        mail = new GreenMail(new ServerSetup(LoopbackPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        ServiceProcess simulatorStarted = null;
        try {
            simulatorStarted = ServiceProcess.module("defender-simulator").env("SIMULATOR_ACTION_DELAY", "1s")
                    .env(builder.simulatorEnvironment).jvmOptions(builder.simulatorJvmOptions).start();
        } catch (RuntimeException e) {
            mail.stop();
            throw e;
        }
        simulatorProcess = simulatorStarted;
        simulator = new SimulatorAdmin(simulatorProcess.baseUrl());
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            env.putAll(SimulatorCredentials.serviceEnvironment(simulatorProcess.baseUrl()));
            env.put("POLLER_INTERVAL", "1s");
            env.put("RESPONSE_POLL_INITIAL", "200ms");
            env.put("NOTIFIER_RECIPIENTS", RECIPIENT);
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
            env.putAll(builder.serviceEnvironment);
            environment.putAll(env);
            for (String service : SERVICES) {
                services.add(ServiceProcess.module(service).env(env).env(environmentOf(service))
                        .jvmOptions(builder.jvmOptions).start());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static RunningSystem start(Map<String, String> extraEnvironment) {
        return builder().services(extraEnvironment).start();
    }

    /** With extra settings of the services and of the simulator ({@code SIMULATOR_*}, e.g. its rate limits). */
    public static RunningSystem start(Map<String, String> extraEnvironment, Map<String, String> simulatorEnvironment) {
        return builder().services(extraEnvironment).simulator(simulatorEnvironment).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The running service of this module, e.g. {@code enrichment-service}. */
    public ServiceProcess service(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No running service " + module));
    }

    /**
     * Starts one more service (e.g. {@code hunting-scheduler}) with the same settings as the others plus
     * {@code extra}; the caller closes or kills it, {@link #close()} too.
     */
    public ServiceProcess startService(String module, Map<String, String> extra) {
        ServiceProcess process = ServiceProcess.module(module).env(environment).env(environmentOf(module))
                .env(extra).jvmOptions(jvmOptions).start();
        services.add(process);
        return process;
    }

    /**
     * Stops the running service of this module with SIGTERM (a rolling update's stop), waits until it exited, and
     * starts it again with the same settings; the new process replaces the old one in {@link #services()}.
     */
    public ServiceProcess restartService(String module) {
        ServiceProcess old = service(module);
        old.close();
        services.remove(old);
        ServiceProcess process = ServiceProcess.module(module).env(environment).env(environmentOf(module))
                .jvmOptions(jvmOptions).start();
        services.add(process);
        return process;
    }

    /** The services started so far: the five in pipeline order, then any {@link #startService started} later. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    private Map<String, String> environmentOf(String module) {
        return serviceEnvironments.getOrDefault(module, Map.of());
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        simulatorProcess.close();
        mail.stop();
    }

    /** What to start: settings of the services and the simulator, the broker, the JVM options of every child. */
    public static final class Builder {

        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private final Map<String, String> simulatorEnvironment = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> perService = new LinkedHashMap<>();
        private List<String> jvmOptions = ServiceProcess.LEAN_JVM_OPTIONS;
        private List<String> simulatorJvmOptions = ServiceProcess.LEAN_JVM_OPTIONS;
        private String bootstrapServers;

        private Builder() {
        }

        /** Extra environment variables of every service (they win over the defaults set here). */
        public Builder services(Map<String, String> environment) {
            serviceEnvironment.putAll(environment);
            return this;
        }

        /**
         * Extra environment variables of one service (e.g. its own Kafka credentials), also when it is started
         * later or restarted; they win over {@link #services(Map)}.
         */
        public Builder service(String module, Map<String, String> environment) {
            perService.computeIfAbsent(module, m -> new LinkedHashMap<>()).putAll(environment);
            return this;
        }

        /** Extra environment variables of the simulator ({@code SIMULATOR_*}). */
        public Builder simulator(Map<String, String> environment) {
            simulatorEnvironment.putAll(environment);
            return this;
        }

        /** JVM options of every service; {@link ServiceProcess#LEAN_JVM_OPTIONS} by default. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions = List.copyOf(options);
            return this;
        }

        /** JVM options of the simulator; {@link ServiceProcess#LEAN_JVM_OPTIONS} by default. */
        public Builder simulatorJvmOptions(List<String> options) {
            simulatorJvmOptions = List.copyOf(options);
            return this;
        }

        /** A running broker to use instead of the test JVM's shared one. */
        public Builder bootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
            return this;
        }

        public RunningSystem start() {
            return new RunningSystem(this);
        }
    }
}
