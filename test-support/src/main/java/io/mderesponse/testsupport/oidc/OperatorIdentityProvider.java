package io.mderesponse.testsupport.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The operators' identity provider for tests: a real OIDC issuer (mock-oauth2-server: discovery, JWKS, token
 * endpoint) whose client-credentials grant answers, by {@code scope}, a token of one of the {@link Person}s. As a
 * Quarkus test resource it configures the service's OIDC tenant and {@code operator.auth.audience}; in a system
 * test, {@link #start()} it and pass {@link #serviceEnvironment()}.
 *
 * <p>Tests fetch tokens over HTTP ({@link #token}), since test resources live in another class loader than the
 * test: the issuer travels through a system property.
 */
public class OperatorIdentityProvider implements QuarkusTestResourceLifecycleManager {

    /** The audience every operator API shares in tests. */
    public static final String AUDIENCE = "mde-response-operators";

    private static final String ISSUER_PROPERTY = "mde-response.test.oidc-issuer";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who asks, and what their token carries. */
    public enum Person {
        /** {@code alice}: role soc-approver. */
        APPROVER("approver", "alice", "soc-approver", AUDIENCE),
        /** {@code carol}: role soc-operator. */
        OPERATOR("operator", "carol", "soc-operator", AUDIENCE),
        /** {@code bob}: a person of the tenant without an operator role. */
        VIEWER("viewer", "bob", "viewer", AUDIENCE),
        /** {@code mallory}: both roles, but a token for another API of the tenant. */
        OTHER_AUDIENCE("other-audience", "mallory", "soc-operator", "another-api"),
        /** {@code eve}: claims the role only {@code operator.auth=none} may give to anonymous callers. */
        CLAIMS_LOCAL_ROLE("claims-local", "eve", "mde-response-operator-auth-none", AUDIENCE);

        private final String scope;
        private final String subject;
        private final String role;
        private final String audience;

        Person(String scope, String subject, String role, String audience) {
            this.scope = scope;
            this.subject = subject;
            this.role = role;
            this.audience = audience;
        }

        public String subject() {
            return subject;
        }
    }

    private MockOAuth2Server server;

    /** Starts the issuer and returns the service settings that trust it. */
    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config()));
        server.start();
        String issuer = issuer();
        System.setProperty(ISSUER_PROPERTY, issuer);
        return Map.of("quarkus.oidc.tenant-enabled", "true", "quarkus.oidc.auth-server-url", issuer,
                "operator.auth.audience", AUDIENCE);
    }

    /** The issuer URL of the operators' tokens. */
    public String issuer() {
        return server.issuerUrl("default").toString();
    }

    /** The environment of a service process that trusts this issuer. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_OIDC_TENANT_ENABLED", "true", "QUARKUS_OIDC_AUTH_SERVER_URL", issuer(),
                "OPERATOR_AUTH_AUDIENCE", AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** A bearer token of {@code person} from the started issuer. */
    public static String token(Person person) {
        return tokenFrom(System.getProperty(ISSUER_PROPERTY), person);
    }

    /** A bearer token of {@code person} from the issuer at {@code issuer}. */
    public static String tokenFrom(String issuer, Person person) {
        if (issuer == null) {
            throw new IllegalStateException("The operators' identity provider is not started");
        }
        String form = "grant_type=client_credentials&client_id=tests&client_secret=secret&scope="
                + URLEncoder.encode(person.scope, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Token endpoint answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String config() {
        StringBuilder mappings = new StringBuilder();
        for (Person person : Person.values()) {
            mappings.append(String.format("{\"requestParam\": \"scope\", \"match\": \"%s\", \"claims\": "
                    + "{\"sub\": \"%s\", \"aud\": [\"%s\"], \"groups\": [\"%s\"]}},", person.scope, person.subject,
                    person.audience, person.role));
        }
        mappings.append("{\"requestParam\": \"scope\", \"match\": \"*\", \"claims\": {\"sub\": \"nobody\"}}");
        return "{\"interactiveLogin\": false, \"tokenCallbacks\": [{\"issuerId\": \"default\", \"tokenExpiry\": 3600, "
                + "\"requestMappings\": [" + mappings + "]}]}";
    }
}
