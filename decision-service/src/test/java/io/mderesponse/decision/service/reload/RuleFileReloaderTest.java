package io.mderesponse.decision.service.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.ContentHash;
import io.mderesponse.decision.service.rules.RuleFileParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading by content hash through a ConfigMap-style symlink swap; refused files never replace good rules. */
class RuleFileReloaderTest {

    static final String HIGH = """
            rules:
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
            """;
    static final String MEDIUM = """
            rules:
              - id: notify-medium
                when: alert.severity == "Medium"
                actions: [notify]
            """;
    static final String BROKEN = """
            rules:
              - id: notify-medium
                when: alert.sevrity == "Medium"
                actions: [notify]
            """;

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @TempDir
    Path temp;

    private ConfigMapDirectory configMap;
    private ActiveRules active;
    private RecordingListener listener;
    private RuleFileReloader reloader;
    private DecisionService decisions;

    @BeforeEach
    void start() {
        configMap = ConfigMapDirectory.create(temp.resolve("rules"), HIGH);
        active = new ActiveRules(new ActiveRules.Loaded(RuleFileReloader.read(configMap.file(), PARSER).ruleSet(),
                configMap.file().toString(), Clock.systemUTC().instant()));
        listener = new RecordingListener();
        reloader = new RuleFileReloader(configMap.file(), PARSER, active, listener, Clock.systemUTC());
        decisions = new DecisionService(active);
    }

    @Test
    void anUnchangedFileChangesNothing() {
        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.UNCHANGED);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aSymlinkSwapActivatesTheNewFileWhichThenDecides() {
        configMap.swap(MEDIUM);

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.ACTIVATED);

        assertThat(active.current().version()).isEqualTo(hash(MEDIUM));
        assertThat(listener.events).containsExactly("activated " + hash(HIGH) + " -> " + hash(MEDIUM));
        Decision medium = decisions.decide(Samples.enriched(Samples.uniqueAlertId(), "Medium"));
        assertThat(medium.decision().ruleId()).isEqualTo("notify-medium");
        assertThat(medium.decision().rulesetVersion()).isEqualTo(hash(MEDIUM));
    }

    @Test
    void aFileThatDoesNotCheckIsRefusedOnceAndTheRunningRulesKeepDeciding() {
        configMap.swap(BROKEN);

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.REJECTED);
        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.STILL_REJECTED);

        assertThat(listener.events).containsExactly("rejected " + hash(BROKEN));
        assertThat(active.current().version()).isEqualTo(hash(HIGH));
        ActiveRules.Rejection rejection = active.rejection().orElseThrow();
        assertThat(rejection.errors()).singleElement().satisfies(error -> {
            assertThat(error.ruleId()).isEqualTo("notify-medium");
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.column()).isEqualTo(16);
        });
        Decision high = decisions.decide(Samples.enriched(Samples.uniqueAlertId(), "High"));
        assertThat(high.decision().ruleId()).isEqualTo("isolate-high");
        assertThat(high.decision().rulesetVersion()).isEqualTo(hash(HIGH));
        assertThat(high.request()).isPresent();
    }

    @Test
    void aFixedFileReplacesTheRefusedOneAndClearsTheRefusal() {
        configMap.swap(BROKEN);
        reloader.checkOnce();
        configMap.swap(MEDIUM);

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.ACTIVATED);

        assertThat(active.rejection()).isEmpty();
        assertThat(active.current().version()).isEqualTo(hash(MEDIUM));
    }

    @Test
    void puttingBackTheRunningFileClearsTheRefusal() {
        configMap.swap(BROKEN);
        reloader.checkOnce();
        configMap.swap(HIGH);

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.UNCHANGED);

        assertThat(active.rejection()).isEmpty();
        assertThat(listener.events).containsExactly("rejected " + hash(BROKEN), "cleared " + hash(HIGH));
    }

    @Test
    void aMissingFileIsRefusedAndTheRunningRulesStay() {
        configMap.removeData();

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.REJECTED);

        assertThat(active.current().version()).isEqualTo(hash(HIGH));
        assertThat(active.rejection().orElseThrow().errors().get(0).message()).contains("cannot read");
        assertThat(decisions.decide(Samples.enriched(Samples.uniqueAlertId(), "High")).decision().outcome())
                .isEqualTo(DecisionOutcome.ACTED);
    }

    @Test
    void theFileIsReadThroughTheSymlinkEachTime() throws Exception {
        assertThat(Files.isSymbolicLink(configMap.file())).isTrue();
        configMap.swap(MEDIUM);
        assertThat(Files.readString(configMap.file())).isEqualTo(MEDIUM);
        configMap.swap(HIGH);

        assertThat(reloader.checkOnce()).isEqualTo(RuleFileReloader.Outcome.UNCHANGED);
    }

    static String hash(String content) {
        return ContentHash.of(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Remembers what the reloader reported. */
    static final class RecordingListener implements RulesListener {

        final List<String> events = new ArrayList<>();

        @Override
        public void activated(ActiveRules.Loaded previous, ActiveRules.Loaded now) {
            events.add("activated " + previous.version() + " -> " + now.version());
        }

        @Override
        public void rejected(ActiveRules.Rejection rejection, ActiveRules.Loaded running) {
            events.add("rejected " + rejection.version());
        }

        @Override
        public void rejectionCleared(ActiveRules.Loaded running) {
            events.add("cleared " + running.version());
        }
    }
}
