package io.mderesponse.defender.client.stub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the client at a {@link StubDefender} and hands the stub to the test. */
public class StubDefenderResource implements QuarkusTestResourceLifecycleManager {

    private StubDefender stub;

    @Override
    public Map<String, String> start() {
        stub = StubDefender.start();
        return Map.of(
                "defender.api.base-url", stub.baseUrl(),
                "defender.token-url", stub.baseUrl() + "/tenant/oauth2/v2.0/token",
                "defender.tenant-id", "tenant",
                "defender.client-id", "stub-client",
                "defender.client-secret", "stub-secret");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stub, new TestInjector.MatchesType(StubDefender.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
