package io.mderesponse.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mderesponse.systemtests.config.ReadmeConfiguration;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker-compose.yml} runs what the repository builds: each service from its own module's
 * {@code Dockerfile.jvm}, under the image name Maven's {@code images} profile gives it, after a healthy Kafka,
 * configured only by settings the README documents.
 */
class DockerComposeTest {

    /** The Kafka services: they need the broker before they start. */
    private static final List<String> KAFKA_SERVICES = List.of(
            "alert-poller", "enrichment-service", "decision-service", "response-service", "notifier-service",
            "hunting-scheduler");
    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");

    private static Path root;
    private static JsonNode services;
    private static ReadmeConfiguration readme;

    @BeforeAll
    static void read() throws IOException {
        root = ProjectLayout.root();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        readme = ReadmeConfiguration.read(root.resolve("README.md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert-poller", "enrichment-service", "decision-service", "response-service",
        "notifier-service", "hunting-scheduler", "defender-simulator"})
    void every_service_is_built_from_its_modules_dockerfile(String module) {
        JsonNode service = services.path(module);
        assertThat(service.isObject()).as("service " + module + " in docker-compose.yml").isTrue();
        JsonNode build = service.path("build");
        assertThat(Path.of(build.path("context").asText()).normalize())
                .as(module + " build context").isEqualTo(Path.of(module));
        assertThat(build.path("dockerfile").asText()).as(module + " dockerfile").isEqualTo(DOCKERFILE);
        assertThat(root.resolve(module).resolve(DOCKERFILE)).as(module + "'s Dockerfile.jvm").isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert-poller", "enrichment-service", "decision-service", "response-service",
        "notifier-service", "hunting-scheduler", "defender-simulator"})
    void every_service_runs_the_image_the_maven_images_profile_builds(String module) throws IOException {
        assertThat(services.path(module).path("image").asText()).as(module + " image")
                .isEqualTo(ImageNames.of(root, module));
        assertThat(Files.readString(root.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8))
                .as(module + " pom lets the images profile build it").contains("<image.skip>false</image.skip>");
    }

    @Test
    void the_images_profile_builds_each_modules_dockerfile_under_the_name_compose_and_kubernetes_use() {
        assertThat(ImageNames.dockerBuildArguments(root)).isEqualTo(
                "build --file " + DOCKERFILE + " --tag ${image.prefix}/${project.artifactId}:${image.tag} .");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert-poller", "enrichment-service", "decision-service", "response-service",
        "notifier-service", "hunting-scheduler"})
    void every_kafka_service_waits_for_a_healthy_broker(String module) {
        JsonNode dependsOn = services.path(module).path("depends_on");
        assertThat(dependsOn.path("kafka").path("condition").asText())
                .as(module + " depends_on kafka condition").isEqualTo("service_healthy");
    }

    @Test
    void kafka_is_the_official_image_in_kraft_mode_with_a_healthcheck() {
        JsonNode kafka = services.path("kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:");
        assertThat(environment(kafka)).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        JsonNode test = kafka.path("healthcheck").path("test");
        assertThat(test.isMissingNode() || test.isNull()).as("kafka healthcheck.test").isFalse();
        assertThat(test.toString()).as("kafka healthcheck asks the broker").contains("/opt/kafka/bin/");
    }

    @Test
    void every_environment_variable_of_a_service_is_a_documented_setting() {
        List<String> undocumented = new ArrayList<>();
        for (String module : modules()) {
            environment(services.path(module)).keySet().stream()
                    .filter(variable -> !readme.documentsVariable(variable))
                    .forEach(variable -> undocumented.add(module + ": " + variable));
        }
        assertThat(undocumented).as("environment variables not in the README's configuration section").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alert-poller", "enrichment-service", "decision-service", "response-service",
        "notifier-service", "hunting-scheduler", "defender-simulator"})
    void every_image_runs_as_a_non_root_user_and_exposes_the_port_the_service_listens_on(String module)
            throws IOException {
        String dockerfile = Files.readString(root.resolve(module).resolve(DOCKERFILE), StandardCharsets.UTF_8);
        Matcher user = USER.matcher(dockerfile);
        assertThat(user.find()).as(module + " Dockerfile sets USER").isTrue();
        assertThat(user.group(1)).as(module + " user").isNotIn("root", "0");
        Matcher expose = EXPOSE.matcher(dockerfile);
        assertThat(expose.find()).as(module + " Dockerfile EXPOSEs a port").isTrue();
        assertThat(expose.group(1)).as(module + " exposed port").isEqualTo(httpPort(module));
        List<String> containerPorts = new ArrayList<>();
        services.path(module).path("ports").forEach(port -> {
            String mapping = port.asText();
            containerPorts.add(mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", ""));
        });
        assertThat(containerPorts).as(module + " published container ports").contains(httpPort(module));
    }

    private static List<String> modules() {
        List<String> modules = new ArrayList<>(KAFKA_SERVICES);
        modules.add("defender-simulator");
        return modules;
    }

    /** A service's environment, in either compose form: a map, or a list of {@code NAME=value}. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String entry = item.asText();
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            });
        }
        return env;
    }

    private static String httpPort(String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root.resolve(module).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty("quarkus.http.port", "8080");
    }
}
