package io.mderesponse.enrichment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MachineCacheTest {

    private static final String MACHINE = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";

    private final ManualClock clock = new ManualClock();

    @Test
    void aMachineIsReusedUntilItsTimeToLiveEnds() {
        MachineCache cache = new MachineCache(Duration.ofMinutes(5), 10, clock);
        cache.put(MACHINE, MachineCache.Entry.UNKNOWN);

        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get(MACHINE)).contains(MachineCache.Entry.UNKNOWN);
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(MACHINE)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedMachineGoesFirstWhenTheCacheIsFull() {
        MachineCache cache = new MachineCache(Duration.ofMinutes(5), 2, clock);
        cache.put("a", MachineCache.Entry.UNKNOWN);
        cache.put("b", MachineCache.Entry.UNKNOWN);
        cache.get("a");
        cache.put("c", MachineCache.Entry.UNKNOWN);

        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.contains("c")).isTrue();
    }

    @Test
    void aTimeToLiveOfZeroTurnsTheCacheOff() {
        MachineCache cache = new MachineCache(Duration.ZERO, 10, clock);
        cache.put(MACHINE, new MachineCache.Entry((DefenderMachine) null));

        assertThat(cache.contains(MACHINE)).isFalse();
    }

}
