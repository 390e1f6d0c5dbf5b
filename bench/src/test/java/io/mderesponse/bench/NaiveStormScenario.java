package io.mderesponse.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same storm through the naive per-alert flow ({@code bench}'s own application, on defender-client with its
 * budget wide open), against a simulator of its own with the same limits, its rate counters reset first.
 */
final class NaiveStormScenario {

    private final BenchSettings settings;
    private final AlertPlan plan;
    private final Map<String, String> simulatorEnvironment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    NaiveStormScenario(BenchSettings settings, AlertPlan plan, Map<String, String> simulatorEnvironment) {
        this.settings = settings;
        this.plan = plan;
        this.simulatorEnvironment = simulatorEnvironment;
    }

    Results.Storm run() {
        try (ServiceProcess simulatorProcess = ServiceProcess.module("defender-simulator").name("naive-simulator")
                .env(simulatorEnvironment).jvmOptions(Stack.SIMULATOR_JVM_OPTIONS).start();
                ServiceProcess flow = ServiceProcess.module("bench").name("naive-flow")
                        .env(SimulatorCredentials.serviceEnvironment(simulatorProcess.baseUrl()))
                        .jvmOptions(settings.serviceJvmOptions()).readinessPath("/q/metrics").start()) {
            SimulatorAdmin simulator = new SimulatorAdmin(simulatorProcess.baseUrl());
            simulator.reset();
            plan.seedMachines(simulator);
            Map<String, Instant> visible = plan.seedAlerts(simulator, 0, plan.size(), null);
            Instant start = visible.values().stream().min(Instant::compareTo).orElseThrow();
            System.out.printf("storm (naive flow): %d alerts, started %s%n", plan.size(), start);
            send("POST", flow.baseUrl(), json.writeValueAsString(plan.alertIds()));
            JsonNode done = await("the naive flow handled every alert").atMost(settings.patience())
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> send("GET", flow.baseUrl(), null), run -> run.path("done").asBoolean());
            if (!done.path("error").isNull() && !done.path("error").asText().isEmpty()) {
                throw new IllegalStateException("The naive flow stopped: " + done.path("error").asText());
            }
            Instant finished = Instant.parse(done.path("finished").asText());
            List<String> failures = new ArrayList<>();
            done.path("outcomes").forEach(o -> {
                if (!o.path("failure").isNull()) {
                    failures.add(o.path("alertId").asText() + ": " + o.path("failure").asText());
                }
            });
            Set<String> highMachines = plan.high().stream().map(AlertPlan.PlannedAlert::machineId)
                    .collect(Collectors.toSet());
            List<SimulatorCall> calls = ApiCalls.api(simulator.calls(), start);
            Instant lastIsolation = ApiCalls.lastIsolation(calls, highMachines).orElse(finished);
            long isolated = calls.stream().filter(c -> ApiCalls.isolatedMachine(c).isPresent()).count();
            return new Results.Storm("naive per-alert flow", plan.size(), plan.machines.size(), highMachines.size(),
                    settings.stormWindow().toMillis() / 1000.0, StormScenario.seconds(start, lastIsolation), null,
                    StormScenario.seconds(start, finished), done.path("handled").asLong(), isolated, failures.size(),
                    failures,
                    ApiCalls.throttledPerFamily(calls), Results.ApiEconomy.of(ApiCalls.perFamily(calls),
                            plan.size(), isolated),
                    // In order, one alert at a time: the last High alert needs every alert before it read, with
                    // its machine.
                    BudgetMinimum.windows(Map.of("alerts", (long) lastHighPosition(), "machines",
                            (long) lastHighPosition(), "isolate", (long) highMachines.size())),
                    BudgetMinimum.windows(Map.of("alerts", (long) plan.size(), "machines", (long) plan.size(),
                            "isolate", (long) highMachines.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based position of the last High alert in the flow's order. */
    private int lastHighPosition() {
        int last = 0;
        for (int i = 0; i < plan.alerts.size(); i++) {
            if (plan.alerts.get(i).severity().equals("High")) {
                last = i + 1;
            }
        }
        return last;
    }

    private JsonNode send(String method, String baseUrl, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/naive-flow/run"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("naive flow " + method + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
