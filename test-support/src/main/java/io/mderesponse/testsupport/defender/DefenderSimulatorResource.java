package io.mderesponse.testsupport.defender;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Quarkus test resource: runs the packaged Defender simulator in its own JVM and points the application's
 * {@code defender.*} configuration at it (API base URL, Graph base URL, token URL, tenant, client id and secret).
 *
 * <p>Init args are simulator settings, passed as its {@code SIMULATOR_*} environment variables: a key such as
 * {@code token-lifetime} or {@code rate-limit.window} becomes {@code SIMULATOR_TOKEN_LIFETIME} or
 * {@code SIMULATOR_RATE_LIMIT_WINDOW}; a key already starting with {@code SIMULATOR_} is used as it is. Test
 * classes with equal args share one simulator per test JVM; other args start another.
 *
 * <p>Tests reach the admin API with {@code new SimulatorAdmin(baseUrl)}, {@code baseUrl} injected as
 * {@code @ConfigProperty(name = "defender.api.base-url")}. (Not injected by this resource: Quarkus may load the
 * resource in another class loader than the test, and objects crossing loaders break Jackson's linkage.)
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = DefenderSimulatorResource.class,
 *         initArgs = @ResourceArg(name = "token-lifetime", value = "3s"))
 * }</pre>
 */
public class DefenderSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT_ID = SimulatorCredentials.TENANT_ID;
    public static final String CLIENT_ID = SimulatorCredentials.CLIENT_ID;
    public static final String CLIENT_SECRET = SimulatorCredentials.CLIENT_SECRET;

    private Map<String, String> environment = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        this.environment = environment(initArgs);
    }

    @Override
    public Map<String, String> start() {
        String baseUrl = SharedDefenderSimulator.baseUrl(environment);
        return Map.of(
                "defender.api.base-url", baseUrl,
                "defender.graph.base-url", SimulatorCredentials.graphBaseUrl(baseUrl),
                "defender.token-url", tokenUrl(baseUrl, TENANT_ID),
                "defender.tenant-id", TENANT_ID,
                "defender.client-id", environment.getOrDefault("SIMULATOR_CLIENT_ID", CLIENT_ID),
                "defender.client-secret", environment.getOrDefault("SIMULATOR_CLIENT_SECRET", CLIENT_SECRET));
    }

    @Override
    public void stop() {
        // Simulators are shared by the test classes of the JVM and stop with it.
    }

    /** See {@link SimulatorCredentials#tokenUrl}. */
    public static String tokenUrl(String baseUrl, String tenantId) {
        return SimulatorCredentials.tokenUrl(baseUrl, tenantId);
    }

    /** Init args as the simulator's environment variables. */
    static Map<String, String> environment(Map<String, String> initArgs) {
        Map<String, String> env = new LinkedHashMap<>();
        initArgs.forEach((key, value) -> env.put(variable(key), value));
        return env;
    }

    /** {@code rate-limit.window} becomes {@code SIMULATOR_RATE_LIMIT_WINDOW}, as Quarkus maps environment names. */
    static String variable(String key) {
        if (key.startsWith("SIMULATOR_")) {
            return key;
        }
        String name = key.startsWith("simulator.") ? key : "simulator." + key;
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
