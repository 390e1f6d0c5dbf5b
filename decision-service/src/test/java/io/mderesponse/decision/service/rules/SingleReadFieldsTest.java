package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warning at rule load for rules that read alert fields only Defender's single-alert read returns. */
class SingleReadFieldsTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @Test
    void aRuleReadingLoggedOnUsersOrDomainsIsNamedWithTheEnrichmentSettingToTurnOn() {
        RuleSet rules = parse("""
                rules:
                  - id: admin-logged-on
                    when: alert.loggedOnUsers.exists(u, u.accountName == "admin") && alert.severity == "High"
                    actions: [notify]
                  - id: by-domain
                    when: '"contoso.com" in alert.domains || alert.loggedOnUsers.size() > 3'
                    actions: [notify]
                  - id: plain
                    when: alert.severity == "High" && alert.evidence.exists(e, e.fileName == "x.exe")
                    actions: [isolate]
                    isolation: Full
                """);

        assertThat(SingleReadFields.warnings(rules)).containsExactly(
                "Rule admin-logged-on reads alert.loggedOnUsers, which Defender's alerts list does not return: set "
                        + "enrichment.read-full-alert=always (ENRICHMENT_READ_FULL_ALERT) on enrichment-service, "
                        + "or the rule sees them empty",
                "Rule by-domain reads alert.loggedOnUsers, alert.domains, which Defender's alerts list does not "
                        + "return: set enrichment.read-full-alert=always (ENRICHMENT_READ_FULL_ALERT) on "
                        + "enrichment-service, or the rule sees them empty");
    }

    @Test
    void theBundledRulesNeedNothingBeyondTheList() {
        assertThat(SingleReadFields.warnings(parse("""
                rules:
                  - id: isolate-high
                    when: alert.severity == "High" && !("do-not-isolate" in machine.machineTags)
                    actions: [isolate, notify]
                    isolation: Full
                """))).isEmpty();
    }

    private static RuleSet parse(String yaml) {
        ParsedRuleFile parsed = PARSER.parse(yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        return parsed.ruleSet();
    }
}
