package io.mderesponse.decision.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.serde.AlertEnrichedDeserializer;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.service.rules.BundledRules;
import io.mderesponse.decision.service.rules.ContentHash;
import io.mderesponse.decision.service.rules.CostlyConditions;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /rules} and {@code POST /rules/validate} with the bundled rules active, called by a SOC operator, and
 * candidates whose conditions would exhaust the service refused by both {@code /rules/validate} and
 * {@code /rules/backtest}.
 */
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

    static Stream<Arguments> costlyConditions() {
        return Stream.of(Arguments.of("replace-chain", CostlyConditions.REPLACE_CHAIN),
                Arguments.of("nested-loops", CostlyConditions.NESTED_LOOPS),
                Arguments.of("huge-list", CostlyConditions.HUGE_LIST));
    }

    /**
     * One ordinary request first, so that the one-second bounds below measure the candidate, not the first
     * request's class loading and JIT warm-up on a busy build machine.
     */
    @BeforeEach
    void warmUp() {
        given().auth().oauth2(OperatorIdentityProvider.token(Person.OPERATOR)).contentType("application/yaml").body(GOOD.getBytes(StandardCharsets.UTF_8))
                .post("/rules/validate").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costlyConditions")
    void aCostlyConditionIsInvalidAtItsRuleAndPlaceWithinASecond(String id, String condition) {
        byte[] candidate = CostlyConditions.rulesFile(id, condition);

        long started = System.nanoTime();
        given().contentType("application/yaml").body(candidate).post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].ruleId", equalTo(id))
                .body("errors[0].line", equalTo(CostlyConditions.WHEN_LINE))
                .body("errors[0].column", greaterThanOrEqualTo(CostlyConditions.WHEN_COLUMN))
                .body("errors[0].message", containsString("when:"));
        // A safety property, not a benchmark: the condition is refused, never run.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costlyConditions")
    void aCostlyConditionIsNotBacktestedButRefusedWithinASecond(String id, String condition) {
        byte[] candidate = CostlyConditions.rulesFile(id, condition);

        long started = System.nanoTime();
        given().contentType("application/yaml").body(candidate).post("/rules/backtest").then().statusCode(400)
                .body("valid", equalTo(false))
                .body("errors[0].ruleId", equalTo(id))
                .body("errors[0].line", equalTo(CostlyConditions.WHEN_LINE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void afterCostlyCandidatesTheServiceStillDecides() {
        costlyConditions().forEach(arguments -> {
            byte[] candidate = CostlyConditions.rulesFile((String) arguments.get()[0], (String) arguments.get()[1]);
            given().contentType("application/yaml").body(candidate).post("/rules/validate").then().statusCode(200);
            given().contentType("application/yaml").body(candidate).post("/rules/backtest").then().statusCode(400);
        });
        // A machine of its own: another test class may have isolated the sample machine within its window.
        String machineId = Samples.uniqueMachineId();
        AlertEnriched event = AlertEnriched.of(Samples.alert(Samples.uniqueAlertId(), "High", machineId),
                Samples.machine(machineId));

        try (KafkaCompanion kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers())) {
            kafka.registerSerde(AlertEnriched.class,
                    Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertEnrichedDeserializer()));
            kafka.registerSerde(DecisionMade.class,
                    Serdes.serdeFrom(new JsonEventSerializer<>(), new DecisionMadeDeserializer()));
            kafka.produce(String.class, AlertEnriched.class).fromRecords(new ProducerRecord<>(
                    Topics.ALERTS_ENRICHED.defaultName(), event.kafkaKey(), event)).awaitCompletion();

            DecisionMade decision = kafka.consume(String.class, DecisionMade.class)
                    .fromTopics(Topics.DECISIONS.defaultName(), records -> records.select()
                            .where(r -> event.alert().id().equals(TopicReader.header(r,
                                    CloudEventHeaders.CORRELATION_ID).orElse(null))).select().first())
                    .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0).value();
            assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ACTED);
            assertThat(decision.ruleId()).isEqualTo("isolate-high");
        }
        given().get("/rules").then().body("version", equalTo(BundledRules.VERSION));
    }

    @Test
    void theMetricsNameTheActiveVersion() {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("rules_active_version\\{[^}]*version=\"" + BundledRules.VERSION + "\"");
        assertThat(metrics).contains("rules_reload_failures_total");
    }
}
