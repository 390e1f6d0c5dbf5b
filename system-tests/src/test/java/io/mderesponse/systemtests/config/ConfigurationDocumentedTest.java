package io.mderesponse.systemtests.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.systemtests.config.ConfigMappingScanner.Property;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operators depend on the README's configuration tables: every setting the code reads is there with its
 * environment variable, and nothing is there that no module reads.
 *
 * <p>Settings come from two places: {@code @ConfigMapping} interfaces of every module (read from the sources by
 * {@link ConfigMappingScanner}, which explains why sources rather than reflection), and the operator-facing
 * entries of each module's {@code application.properties} (Kafka, HTTP port, SMTP).
 */
class ConfigurationDocumentedTest {

    /** Prefixes the services and libraries own today; finding none of one means the scanner is broken. */
    private static final Set<String> KNOWN_PREFIXES =
            Set.of("defender", "poller", "rules", "response", "notifier", "topics", "simulator");

    /** Settings of Quarkus itself that operators set and the README must list, whatever the properties files say. */
    private static final Set<String> ALWAYS_DOCUMENTED = Set.of(
            "kafka.bootstrap.servers",
            // Each service's own Kafka identity: read by the Kafka clients through Quarkus' kafka.* map.
            "kafka.security.protocol",
            "kafka.sasl.mechanism",
            "kafka.sasl.jaas.config",
            "kafka.ssl.truststore.location",
            "kafka.ssl.truststore.type",
            "quarkus.http.port",
            // Health and metrics: each service's management interface (application.properties).
            "quarkus.management.port",
            // The operators' identity provider (service-common's defaults; quarkus-oidc reads them).
            "quarkus.oidc.tenant-enabled",
            "quarkus.oidc.auth-server-url",
            "quarkus.mailer.host",
            "quarkus.mailer.port",
            "quarkus.mailer.username",
            "quarkus.mailer.password",
            "quarkus.mailer.start-tls",
            "quarkus.mailer.tls");

    /** {@code quarkus.*} keys of application.properties that are for operators; the others are internal. */
    private static final List<String> OPERATOR_QUARKUS_PREFIXES = List.of("quarkus.http.port", "quarkus.mailer.");

    /** Set in application.properties on purpose and not for operators to change. */
    private static final Set<String> FIXED = Set.of(
            "quarkus.mailer.mock", // must stay false: the mailer would only log mails
            "quarkus.mailer.from"); // follows notifier.from

    /** A table row of a setting and its environment variable: {@code | `a.b` | `A_B` |}. */
    private static final Pattern COPIED_ROW =
            Pattern.compile("^\\| *`[a-z][a-z0-9<>-]*\\.[a-z0-9.<>-]+` *\\| *`[A-Z0-9_<>]+`");

    private static Path root;
    private static Map<String, Property> mappings;
    private static ReadmeConfiguration readme;

    @BeforeAll
    static void read() {
        root = ProjectLayout.root();
        mappings = ConfigMappingScanner.scanModules(root);
        readme = ReadmeConfiguration.read(root.resolve("README.md"));
    }

    @Test
    void the_scanner_finds_the_mappings_of_every_service_and_library() {
        Set<String> prefixes = mappings.keySet().stream().map(name -> name.substring(0, name.indexOf('.')))
                .collect(Collectors.toSet());
        assertThat(prefixes).containsAll(KNOWN_PREFIXES);
        assertThat(mappings).containsKeys("defender.api.base-url", "defender.retry.attempts", "topics.alerts-new");
    }

    @Test
    void every_config_mapping_property_is_in_the_readme_with_its_environment_variable() {
        List<String> problems = new ArrayList<>();
        for (Property property : mappings.values()) {
            ReadmeConfiguration.Row row = readme.rowFor(property.name()).orElse(null);
            if (row == null) {
                problems.add(property.name() + " (" + property.module() + ", " + property.mappingInterface()
                        + ") is not in the README's configuration section");
            } else if (!ReadmeConfiguration.variableMatches(row.environmentVariable(), property.environmentVariable())) {
                problems.add(property.name() + ": README line " + row.line() + " names " + row.environmentVariable()
                        + ", expected " + property.environmentVariable());
            }
        }
        assertThat(problems).as("settings missing from the README").isEmpty();
    }

    @Test
    void operator_settings_of_application_properties_are_in_the_readme() {
        Map<String, String> missing = new TreeMap<>();
        operatorApplicationProperties().forEach((property, module) -> {
            if (readme.rowFor(property).isEmpty()) {
                missing.put(property, module);
            }
        });
        ALWAYS_DOCUMENTED.stream().filter(p -> readme.rowFor(p).isEmpty()).forEach(p -> missing.put(p, "(always)"));
        assertThat(missing).as("operator settings (property → module) missing from the README").isEmpty();
    }

    @Test
    void every_row_names_the_environment_variable_of_its_property() {
        List<String> wrong = readme.rows().stream()
                .filter(row -> !ConfigNames.normalise(row.environmentVariable())
                        .equals(ConfigNames.environmentVariable(ConfigNames.normalise(row.property()))))
                .map(row -> "line " + row.line() + ": " + row.property() + " → " + row.environmentVariable()
                        + ", expected " + ConfigNames.environmentVariable(ConfigNames.normalise(row.property())))
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_row_names_a_setting_that_some_module_reads() {
        Set<String> operatorProperties = operatorApplicationProperties().keySet();
        List<String> unknown = readme.rows().stream()
                .filter(row -> {
                    String property = ConfigNames.normalise(row.property());
                    boolean read = mappings.keySet().stream()
                            .anyMatch(name -> ReadmeConfiguration.propertyMatches(row.property(), name));
                    return !read && !operatorProperties.contains(property)
                            && !ALWAYS_DOCUMENTED.contains(property) && !isQuarkusOperatorSetting(property);
                })
                .map(row -> "line " + row.line() + ": " + row.property())
                .toList();
        assertThat(unknown).as("README rows that no @ConfigMapping or application.properties declares").isEmpty();
    }

    @Test
    void every_row_has_a_default_and_a_description() {
        assertThat(readme.rows()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.defaultValue()).as("default of " + row.property()).isNotBlank())
                .allSatisfy(row -> assertThat(row.description()).as("description of " + row.property()).isNotBlank());
    }

    @Test
    void module_readmes_link_to_the_configuration_section_instead_of_copying_its_rows() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path readmeOfModule : modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile)
                    .sorted().toList()) {
                List<String> lines = Files.readAllLines(readmeOfModule, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (COPIED_ROW.matcher(lines.get(i)).find()) {
                        copies.add(root.relativize(readmeOfModule) + " line " + (i + 1) + ": " + lines.get(i));
                    }
                }
            }
        }
        assertThat(copies).as("rows of a setting and its environment variable outside the root README: link to "
                + "its configuration section instead").isEmpty();
    }

    /** Operator-facing keys of every module's application.properties → the module. */
    private static Map<String, String> operatorApplicationProperties() {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String key : properties.stringPropertyNames()) {
                    if (isOperatorFacing(key)) {
                        found.putIfAbsent(key, module.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean isOperatorFacing(String key) {
        if (key.startsWith("%") || key.startsWith("mp.") || FIXED.contains(key)) {
            return false; // profile-specific, channel wiring, or fixed on purpose
        }
        return !key.startsWith("quarkus.") || isQuarkusOperatorSetting(key);
    }

    private static boolean isQuarkusOperatorSetting(String key) {
        return !FIXED.contains(key) && OPERATOR_QUARKUS_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
