package io.mderesponse.decision.service.guard;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * An identity provider for the approval and release calls (mock-oauth2-server). Its token endpoint gives, for
 * the client-credentials grant, {@code alice} with role {@code soc-approver} when the scope is {@code approver},
 * and {@code bob} without it otherwise. Tests fetch tokens over HTTP ({@link #token}), since test resources live
 * in another class loader than the test.
 */
public class MockOidcResource implements QuarkusTestResourceLifecycleManager {

    private static final String ISSUER_PROPERTY = "mde-response.test.oidc-issuer";
    private static final String CONFIG = """
            {"interactiveLogin": false, "tokenCallbacks": [{"issuerId": "default", "tokenExpiry": 3600,
              "requestMappings": [
                {"requestParam": "scope", "match": "approver", "claims": {"sub": "alice", "groups": ["soc-approver"]}},
                {"requestParam": "scope", "match": "*", "claims": {"sub": "bob", "groups": ["viewer"]}}]}]}
            """;

    private MockOAuth2Server server;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(CONFIG));
        server.start();
        String issuer = server.issuerUrl("default").toString();
        System.setProperty(ISSUER_PROPERTY, issuer);
        return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** A bearer token: with role {@code soc-approver} ({@code alice}) or without ({@code bob}). */
    public static String token(boolean approver) {
        String issuer = System.getProperty(ISSUER_PROPERTY);
        return io.restassured.RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "tests").formParam("client_secret", "secret")
                .formParam("scope", approver ? "approver" : "other")
                .post(issuer + "/token").then().statusCode(200).extract().path("access_token");
    }
}
