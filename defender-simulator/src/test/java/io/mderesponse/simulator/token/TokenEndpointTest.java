package io.mderesponse.simulator.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client-credentials token endpoint, from reference section 1. */
@QuarkusTest
class TokenEndpointTest {

    private static Map<String, String> form(String... overrides) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", "local-dev-client", "client_secret", "local-dev-secret", "scope", Api.SCOPE));
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    @Test
    void issuesBearerTokenWithTenantAppAndRolesForClientCredentials() throws Exception {
        String jwt = given().contentType(ContentType.URLENC).formParams(form())
                .post("/my-tenant/oauth2/v2.0/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3599))
                .body("ext_expires_in", equalTo(3599))
                .extract().path("access_token");

        String[] parts = jwt.split("\\.");
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(claims.get("tid").asText()).isEqualTo("my-tenant");
        assertThat(claims.get("appid").asText()).isEqualTo("local-dev-client");
        assertThat(claims.get("roles").toString()).contains("Machine.Isolate", "Alert.Read.All");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3599);
    }

    @Test
    void acceptsClientCredentialsInHttpBasicHeader() {
        given().contentType(ContentType.URLENC).auth().preemptive().basic("local-dev-client", "local-dev-secret")
                .formParams(Map.of("grant_type", "client_credentials", "scope", Api.SCOPE))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void acceptsTheWindowsAtpServiceScopeUsedBySamples() {
        given().contentType(ContentType.URLENC)
                .formParams(form("scope", "https://securitycenter.onmicrosoft.com/windowsatpservice/.default"))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(200);
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        given().contentType(ContentType.URLENC).formParams(form("client_secret", "wrong"))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(401)
                .body("error", equalTo("invalid_client"))
                .body("error_description", startsWith("AADSTS7000215"));
    }

    @Test
    void unknownClientIdIsUnauthorizedClient() {
        given().contentType(ContentType.URLENC).formParams(form("client_id", "someone-else"))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void otherGrantTypeIsUnsupportedGrantType() {
        given().contentType(ContentType.URLENC).formParams(form("grant_type", "password"))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void scopeOfAnotherResourceIsInvalidScope() {
        given().contentType(ContentType.URLENC).formParams(form("scope", "https://vault.azure.net/.default"))
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void v1EndpointIssuesTokenForTheResource() {
        Map<String, String> v1 = form();
        v1.remove("scope");
        v1.put("resource", "https://api.securitycenter.microsoft.com");
        given().contentType(ContentType.URLENC).formParams(v1)
                .post("/t/oauth2/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo("3599"))
                .body("resource", equalTo("https://api.securitycenter.microsoft.com"));
    }
}
