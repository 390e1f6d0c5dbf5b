package io.mderesponse.systemtests.poller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the poller's paging relies on, checked against the simulator over HTTP: alerts that share one
 * {@code lastUpdateTime} come in the same order in every request ({@code $orderby=lastUpdateTime asc}, ties by
 * creation time, then id), so {@code $top}/{@code $skip} over a tie larger than a page returns each alert once,
 * and {@code lastUpdateTime ge t} includes the alerts at exactly {@code t} (the poller's cursor). For the real
 * API the tie order is not documented; see alert-poller/README.md.
 */
class SimulatorTiePagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ServiceProcess simulatorProcess;
    private static String token;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulatorProcess = ServiceProcess.module("defender-simulator").start();
        String form = "grant_type=client_credentials&client_id=" + SimulatorCredentials.CLIENT_ID
                + "&client_secret=" + SimulatorCredentials.CLIENT_SECRET
                + "&scope=" + URLEncoder.encode("https://api.securitycenter.microsoft.com/.default",
                        StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(SimulatorCredentials.tokenUrl(
                        simulatorProcess.baseUrl(), SimulatorCredentials.TENANT_ID)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(answer.body()).path("access_token").asText();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulatorProcess != null) {
            simulatorProcess.close();
        }
    }

    @Test
    void aTieLargerThanAPageIsPagedInOneStableOrderAndGeIncludesTheTie() throws Exception {
        SimulatorAdmin admin = new SimulatorAdmin(simulatorProcess.baseUrl());
        Instant tie = Instant.now().minusSeconds(5);
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("id", TestIds.alertId());
            alert.put("alertCreationTime", tie.toString());
            alert.put("lastUpdateTime", tie.toString());
            alerts.add(alert);
        }
        admin.addAlerts(alerts);

        List<String> first = pageThrough(tie, 7);
        List<String> second = pageThrough(tie, 7);
        List<String> whole = pageThrough(tie, 100);

        assertThat(first).hasSize(25).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(a -> (String) a.get("id")).toList());
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(whole).containsExactlyElementsOf(first);
    }

    private List<String> pageThrough(Instant since, int top) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int skip = 0;; skip += top) {
            String query = "$filter=" + URLEncoder.encode("lastUpdateTime ge " + since, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "&$orderby=" + URLEncoder.encode("lastUpdateTime asc",
                            StandardCharsets.UTF_8).replace("+", "%20") + "&$top=" + top + "&$skip=" + skip;
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(simulatorProcess.baseUrl()
                    + "/api/alerts?" + query)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode values = JSON.readTree(answer.body()).path("value");
            values.forEach(alert -> ids.add(alert.path("id").asText()));
            if (values.size() < top) {
                return ids;
            }
        }
    }
}
