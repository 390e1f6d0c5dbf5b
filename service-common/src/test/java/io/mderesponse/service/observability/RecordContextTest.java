package io.mderesponse.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordContextTest {

    private static final String MACHINE = "0123456789abcdef0123456789abcdef01234567";

    @AfterEach
    void clear() {
        RecordLogContext.clear();
    }

    @Test
    void anEventsIdsGoIntoTheLogContext() {
        RecordLogContext.enter(AlertDetected.of("da123_1", MACHINE, Severity.High, "t", Instant.now(), Instant.now(),
                null));

        assertThat(MDC.get(RecordLogContext.CORRELATION_ID)).isEqualTo("da123_1");
        assertThat(MDC.get(RecordLogContext.ALERT_ID)).isEqualTo("da123_1");
        assertThat(MDC.get(RecordLogContext.MACHINE_ID)).isEqualTo(MACHINE);
    }

    @Test
    void aCarriedTaskRunsInTheRecordsContextAndLeavesItsThreadAsItFoundIt() throws Exception {
        RecordLogContext.enter(AlertDetected.of("da123_2", MACHINE, Severity.High, "t", Instant.now(), Instant.now(),
                null));
        Runnable carried = RecordContext.carry(() -> MDC.put("seen", MDC.get(RecordLogContext.ALERT_ID)));
        RecordLogContext.clear();

        ExecutorService executor = Executors.newSingleThreadExecutor();
        AtomicReference<Object> seen = new AtomicReference<>();
        AtomicReference<Object> after = new AtomicReference<>("unset");
        try {
            executor.submit(() -> {
                carried.run();
                seen.set(MDC.get("seen"));
                after.set(MDC.get(RecordLogContext.ALERT_ID));
            }).get(10, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        assertThat(seen.get()).isEqualTo("da123_2");
        assertThat(after.get()).as("the executor thread's own context is back").isNull();
    }
}
