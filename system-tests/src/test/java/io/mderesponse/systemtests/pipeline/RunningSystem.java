package io.mderesponse.systemtests.pipeline;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mderesponse.kafka.broker.LoopbackPorts;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as production runs it: the real broker, the Defender simulator, a real SMTP server
 * (GreenMail) and each of the five services in its own JVM from its packaged jar, configured only by
 * environment variables.
 */
public final class RunningSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("alert-poller", "enrichment-service", "decision-service",
            "response-service", "notifier-service");
    public static final String RECIPIENT = "soc@example.com";

    public final String bootstrapServers = SharedKafkaBroker.bootstrapServers();
    public final GreenMail mail;
    public final ServiceProcess simulatorProcess;
    public final SimulatorAdmin simulator;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private RunningSystem(Map<String, String> extraEnvironment, Map<String, String> simulatorEnvironment) {
        mail = new GreenMail(new ServerSetup(LoopbackPorts.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        simulatorProcess = ServiceProcess.module("defender-simulator").env("SIMULATOR_ACTION_DELAY", "1s")
                .env(simulatorEnvironment).start();
        simulator = new SimulatorAdmin(simulatorProcess.baseUrl());
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            env.put("DEFENDER_API_BASE_URL", simulatorProcess.baseUrl());
            env.put("DEFENDER_TENANT_ID", SimulatorCredentials.TENANT_ID);
            env.put("DEFENDER_TOKEN_URL", SimulatorCredentials.tokenUrl(simulatorProcess.baseUrl(),
                    SimulatorCredentials.TENANT_ID));
            env.put("DEFENDER_CLIENT_ID", SimulatorCredentials.CLIENT_ID);
            env.put("DEFENDER_CLIENT_SECRET", SimulatorCredentials.CLIENT_SECRET);
            env.put("POLLER_INTERVAL", "1s");
            env.put("RESPONSE_POLL_INITIAL", "200ms");
            env.put("NOTIFIER_RECIPIENTS", RECIPIENT);
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
            env.putAll(extraEnvironment);
            environment.putAll(env);
            for (String service : SERVICES) {
                services.add(ServiceProcess.module(service).env(env).start());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static RunningSystem start(Map<String, String> extraEnvironment) {
        return new RunningSystem(extraEnvironment, Map.of());
    }

    /** With extra settings of the services and of the simulator ({@code SIMULATOR_*}, e.g. its rate limits). */
    public static RunningSystem start(Map<String, String> extraEnvironment, Map<String, String> simulatorEnvironment) {
        return new RunningSystem(extraEnvironment, simulatorEnvironment);
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
        ServiceProcess process = ServiceProcess.module(module).env(environment).env(extra).start();
        services.add(process);
        return process;
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        simulatorProcess.close();
        mail.stop();
    }
}
