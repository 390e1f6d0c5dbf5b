package io.mderesponse.poller.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.poller.state.PollerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many polls against alerts that keep arriving (late, in bursts sharing one timestamp) and moving (updates)
 * between any two pages, with commits that fail at random (a crash: the state is rebuilt from what was
 * committed) and downtimes after which one poll catches up on a backlog far older than the overlap. Afterwards
 * every alert has exactly one committed {@code AlertDetected}. (Plain {@code $skip} paging fails this test: the
 * overlap hides its misses only while a poll spans less than the overlap.)
 */
class PagingRaceTest {

    private static final Duration OVERLAP = Duration.ofSeconds(20);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyAlertIsPublishedExactlyOnceWhatever(long seed) {
        Random random = new Random(seed);
        FakeDefender defender = new FakeDefender();
        int[] counter = {0};
        defender.beforeEachAnswer = () -> {
            defender.now = defender.now.plusMillis(200);
            churn(defender, random, counter);
        };
        AlertPoller poller = new AlertPoller(defender, OVERLAP, Duration.ofHours(1), Duration.ofDays(30),
                2 + random.nextInt(4));
        List<PollResult> committed = new ArrayList<>();
        PollerState state = new PollerState();
        for (int poll = 0; poll < 150; poll++) {
            if (poll % 50 == 25) {
                // The poller is down for fifteen overlaps: the next poll catches up on a backlog far older than
                // the overlap, so an alert its paging skips would never be read again.
                for (int second = 0; second < 300; second++) {
                    defender.now = defender.now.plusSeconds(1);
                    churn(defender, random, counter);
                }
            }
            try {
                poller.poll(state, defender.now, page -> {
                    if (random.nextInt(25) == 0) {
                        throw new IllegalStateException("crash before the commit");
                    }
                    committed.add(page);
                });
            } catch (IllegalStateException crash) {
                state = rebuild(committed); // a restart reads the state topic
            }
            defender.now = defender.now.plusSeconds(1);
        }
        defender.beforeEachAnswer = () -> { };
        defender.now = defender.now.plus(OVERLAP); // everything is visible now
        for (int poll = 0; poll < 3; poll++) {
            poller.poll(state, defender.now, committed::add);
            defender.now = defender.now.plusSeconds(1);
        }

        Map<String, Long> detected = committed.stream().flatMap(r -> r.events().stream())
                .filter(e -> e instanceof AlertDetected)
                .collect(Collectors.groupingBy(AlertNewEvent::alertId, Collectors.counting()));
        assertThat(defender.ids()).hasSizeGreaterThan(100);
        assertThat(detected.keySet()).containsExactlyInAnyOrderElementsOf(defender.ids());
        assertThat(detected.values()).allMatch(count -> count == 1);
    }

    private static void churn(FakeDefender defender, Random random, int[] counter) {
        int roll = random.nextInt(20);
        if (roll < 4) {
            // New alert, visible after an ingestion delay shorter than the overlap.
            Instant updated = defender.now.minusMillis(random.nextInt((int) OVERLAP.toMillis() / 2));
            defender.add("a" + counter[0]++, "Low", updated, defender.now);
        } else if (roll < 5) {
            // A burst sharing one timestamp, larger than a page.
            Instant updated = defender.now.minusMillis(random.nextInt(5_000));
            int burst = 3 + random.nextInt(8);
            for (int i = 0; i < burst; i++) {
                defender.add("a" + counter[0]++, "Low", updated, defender.now);
            }
        } else if (roll < 8 && counter[0] > 0) {
            // An update moves a random alert to the end of the order.
            String id = "a" + random.nextInt(counter[0]);
            defender.update(id, random.nextBoolean() ? "Low" : "High", defender.now);
        }
    }

    private static PollerState rebuild(List<PollResult> committed) {
        PollerState state = new PollerState();
        committed.forEach(result -> state.apply(result.update()));
        return state;
    }
}
