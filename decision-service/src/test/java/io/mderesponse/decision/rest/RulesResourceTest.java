package io.mderesponse.decision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mderesponse.decision.service.rules.BundledRules;
import io.mderesponse.decision.service.rules.ContentHash;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /rules} and {@code POST /rules/validate} with the bundled rules active, called by a SOC operator. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OperatorIdentityProvider.class)
class RulesResourceTest {

    @BeforeEach
    void asOperator() {
        RestAssured.authentication = RestAssured.oauth2(OperatorIdentityProvider.token(Person.OPERATOR));
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static final String BAD = """
            rules:
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
              - id: typo
                when: |
                  alert.severity == "Medium" &&
                    machine.rbacGroup == "Servers"
                actions: [notify]
                dryrun: true
            """;

    private static final String GOOD = """
            rules:
              - id: notify-medium
                when: alert.severity == "Medium"
                actions: [notify]
                notify: [soc@example.com]
            """;

    @Test
    void theActiveRulesAreShownWithTheirVersionAndSource() {
        given().get("/rules").then().statusCode(200)
                .body("version", equalTo(BundledRules.VERSION))
                .body("source", equalTo("bundled"))
                .body("rules.id", contains("isolate-high"))
                .body("rules[0].when", equalTo("alert.severity == \"High\""))
                .body("rules[0].actions", contains("isolate", "notify"))
                .body("rules[0].isolation", equalTo("Full"))
                .body("rules[0].notify", empty())
                .body("rules[0].dryRun", equalTo(false))
                .body("rejected", nullValue());
    }

    @Test
    void validatingACandidateGivesEveryErrorWithRuleLineAndColumn() {
        given().contentType("application/yaml").body(BAD.getBytes(StandardCharsets.UTF_8))
                .post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("version", equalTo(ContentHash.of(BAD.getBytes(StandardCharsets.UTF_8))))
                .body("errors.ruleId", contains("typo", "typo"))
                .body("errors[0].line", equalTo(9))
                .body("errors[0].column", equalTo(16))
                .body("errors[0].message", containsString("undefined field 'rbacGroup'"))
                .body("errors[1].line", equalTo(11))
                .body("errors[1].column", equalTo(5))
                .body("errors[1].message", containsString("unknown field 'dryrun'"));
    }

    @Test
    void validatingAGoodCandidateGivesTheVersionItWillHaveAndChangesNothing() {
        given().contentType("text/plain").body(GOOD.getBytes(StandardCharsets.UTF_8))
                .post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", equalTo(ContentHash.of(GOOD.getBytes(StandardCharsets.UTF_8))))
                .body("rules", contains("notify-medium"))
                .body("errors", empty());

        given().get("/rules").then().body("version", equalTo(BundledRules.VERSION));
    }

    @Test
    void theMetricsNameTheActiveVersion() {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("rules_active_version\\{[^}]*version=\"" + BundledRules.VERSION + "\"");
        assertThat(metrics).contains("rules_reload_failures_total");
    }
}
