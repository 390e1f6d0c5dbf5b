package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The rules that deploy/k8s ships (the base's ConfigMap and the example overlay's patch of it) parse and
 * type-check: a pod started with an invalid file would stop at start.
 */
class DeployedRulesTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());
    private static final String RULES_CONFIG_MAP = "decision-service-rules";

    @ParameterizedTest
    @ValueSource(strings = {"../deploy/k8s/base/decision-service.yaml",
        "../deploy/k8s/overlays/example/patches/decision-service-rules.yaml"})
    void the_rules_of_the_kubernetes_manifests_are_valid(String manifest) throws IOException {
        List<String> files = rulesFiles(Path.of(manifest));
        assertThat(files).as("ConfigMap " + RULES_CONFIG_MAP + " in " + manifest).hasSize(1);
        ParsedRuleFile parsed = PARSER.parse(files.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).as(manifest).isEmpty();
        assertThat(parsed.ruleSet().rules()).isNotEmpty();
    }

    @Test
    void an_invalid_rules_file_is_found_invalid_here_too() {
        ParsedRuleFile parsed = PARSER.parse("rules:\n  - id: typo\n    when: alert.sevrity == \"High\"\n    actions: [notify]\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rulesFiles(Path manifest) throws IOException {
        List<String> files = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml().loadAll(reader)) {
                Map<String, Object> object = (Map<String, Object>) document;
                Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
                if ("ConfigMap".equals(object.get("kind")) && RULES_CONFIG_MAP.equals(metadata.get("name"))) {
                    files.add((String) ((Map<String, Object>) object.get("data")).get("rules.yaml"));
                }
            }
        }
        return files;
    }
}
