package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule files and conditions the README shows are valid, so the documentation cannot drift from the code. */
class ReadmeExamplesTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern WHEN_LINE = Pattern.compile("^when: (.*?)(?:\\s+#.*)?$", Pattern.MULTILINE);

    @Test
    void everyRulesFileInTheReadmeIsValid() throws Exception {
        List<String> files = new ArrayList<>();
        for (String block : yamlBlocks()) {
            if (block.startsWith("rules:")) {
                files.add(block);
            }
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (String file : files) {
            ParsedRuleFile parsed = PARSER.parse(file.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.errors()).as(file).isEmpty();
        }
    }

    @Test
    void everyExampleConditionInTheReadmeTypeChecks() throws Exception {
        List<String> conditions = new ArrayList<>();
        for (String block : yamlBlocks()) {
            Matcher when = WHEN_LINE.matcher(block);
            while (when.find()) {
                conditions.add(when.group(1));
            }
        }

        assertThat(conditions).hasSizeGreaterThanOrEqualTo(10);
        for (String condition : conditions) {
            String file = "rules:\n  - id: example\n    when: " + condition + "\n    actions: [notify]\n";
            ParsedRuleFile parsed = PARSER.parse(file.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.errors()).as(condition).isEmpty();
        }
    }

    private static List<String> yamlBlocks() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(readme);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
