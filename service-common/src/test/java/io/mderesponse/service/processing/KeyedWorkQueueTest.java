package io.mderesponse.service.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

    private static final Duration NEVER = Duration.ofDays(1);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void runsTheItemsOfOneKeyOneAtATimeInSubmissionOrder() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 4, 100, NEVER, clock::get);
        CompletableFuture<Void> first = new CompletableFuture<>();
        queue.submit("machine-a", 1, executor, record("a1", first));
        queue.submit("machine-a", 1, executor, record("a2", CompletableFuture.completedFuture(null)));

        await().until(() -> started.contains("a1"));
        assertThat(queue.running()).isEqualTo(1);
        assertThat(started).containsExactly("a1");

        first.complete(null);
        await().until(() -> started.contains("a2"));
        assertThat(started).containsExactly("a1", "a2");
    }

    @Test
    void runsItemsOfDifferentKeysAtTheSameTimeUpToTheWorkers() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 2, 100, NEVER, clock::get);
        CompletableFuture<Void> held = new CompletableFuture<>();
        queue.submit("a", 1, executor, record("a", held));
        queue.submit("b", 1, executor, record("b", held));
        queue.submit("c", 1, executor, record("c", held));

        await().until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("a", "b");
        assertThat(queue.waiting()).isEqualTo(1);

        held.complete(null);
        await().until(() -> started.contains("c"));
    }

    @Test
    void startsTheMostUrgentKeyFirstWhenWorkersAreBusy() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, NEVER, clock::get);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        queue.submit("busy", 2, executor, record("busy", busy));
        await().until(() -> started.contains("busy"));

        queue.submit("low", 0, executor, record("low", done()));
        queue.submit("medium", 1, executor, record("medium", done()));
        queue.submit("high", 2, executor, record("high", done()));
        queue.submit("medium-2", 1, executor, record("medium-2", done()));
        busy.complete(null);

        await().until(() -> started.size() == 5);
        assertThat(started).containsExactly("busy", "high", "medium", "medium-2", "low");
    }

    @Test
    void lessUrgentItemsLeaveTheKeptWorkersFreeSoAnUrgentOneStartsWhileTheyAllWait() {
        // 3 workers, 1 kept for priority 2: Medium items that wait on something slow occupy at most 2.
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 3, 1, 2, 100, NEVER, clock::get);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        queue.submit("medium-1", 1, executor, record("medium-1", slow));
        queue.submit("medium-2", 1, executor, record("medium-2", slow));
        queue.submit("medium-3", 1, executor, record("medium-3", slow));
        await().until(() -> started.size() == 2);
        assertThat(queue.running()).isEqualTo(2);
        assertThat(queue.waiting()).isEqualTo(1);

        queue.submit("high", 2, executor, record("high", done()));
        await().until(() -> started.contains("high"));
        assertThat(started).doesNotContain("medium-3");

        slow.complete(null);
        await().until(() -> started.contains("medium-3"));
    }

    @Test
    void anAgedLessUrgentItemStillLeavesTheKeptWorkersFree() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 2, 1, 2, 100, Duration.ofSeconds(1), clock::get);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        queue.submit("medium-1", 1, executor, record("medium-1", slow));
        queue.submit("medium-2", 1, executor, record("medium-2", done()));
        await().until(() -> started.contains("medium-1"));
        clock.addAndGet(Duration.ofSeconds(5).toNanos());

        queue.submit("high", 2, executor, record("high", done()));
        await().until(() -> started.contains("high"));
        assertThat(started).containsExactly("medium-1", "high");

        slow.complete(null);
        await().until(() -> started.contains("medium-2"));
    }

    @Test
    void refusesToKeepEveryWorkerForUrgentItems() {
        assertThatThrownBy(() -> new KeyedWorkQueue("test", 2, 2, 2, 100, NEVER, clock::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than the workers (2)");
    }

    @Test
    void aKeyTakesTheHighestPriorityOfItsItemsWithoutReorderingThem() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, NEVER, clock::get);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        queue.submit("busy", 2, executor, record("busy", busy));
        await().until(() -> started.contains("busy"));

        queue.submit("other", 1, executor, record("other medium", done()));
        queue.submit("alert-1", 0, executor, record("alert-1 detected low", done()));
        queue.submit("alert-1", 2, executor, record("alert-1 raised high", done()));
        busy.complete(null);

        await().until(() -> started.size() == 4);
        assertThat(started).containsExactly("busy", "alert-1 detected low", "alert-1 raised high", "other medium");
    }

    @Test
    void anItemThatWaitedPastTheAgingLimitGoesFirstWhateverItsPriority() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, Duration.ofMinutes(2), clock::get);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        queue.submit("busy", 2, executor, record("busy", busy));
        await().until(() -> started.contains("busy"));

        queue.submit("old-low", 0, executor, record("old-low", done()));
        clock.addAndGet(Duration.ofMinutes(3).toNanos());
        queue.submit("new-high", 2, executor, record("new-high", done()));
        busy.complete(null);

        await().until(() -> started.size() == 3);
        assertThat(started).containsExactly("busy", "old-low", "new-high");
    }

    @Test
    void tellsTheCallerToWaitWhileTheQueueIsFull() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 2, NEVER, clock::get);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        assertThat(queue.submit("a", 1, executor, record("a", busy))).isCompleted();
        CompletionStage<Void> second = queue.submit("b", 1, executor, record("b", done()));

        assertThat(second.toCompletableFuture()).isNotDone();
        busy.complete(null);
        await().until(() -> second.toCompletableFuture().isDone());
    }

    @Test
    void stopDropsWaitingItemsAndWaitsForTheRunningOnes() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, NEVER, clock::get);
        CompletableFuture<Void> running = new CompletableFuture<>();
        queue.submit("a", 1, executor, record("a", running));
        queue.submit("b", 1, executor, record("b", done()));
        await().until(() -> started.contains("a"));
        executor.submit(() -> {
            await().until(queue::stopping);
            running.complete(null);
        });

        assertThat(queue.stop(Duration.ofSeconds(30))).isTrue();

        assertThat(started).containsExactly("a");
        assertThat(queue.waiting()).isZero();
        assertThat(queue.submit("c", 1, executor, record("c", done())).toCompletableFuture()).isNotDone();
        assertThat(started).containsExactly("a");
    }

    @Test
    void stopStillRunsWaitingItemsBelowAStartedOffsetOfTheirPartitionSoTheFinishedOnesCanBeCommitted() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, NEVER, clock::get);
        CompletableFuture<Void> busy = new CompletableFuture<>();
        queue.submit("busy", at("p-1", 0), 1, executor, record("busy", busy));
        await().until(() -> started.contains("busy"));
        CompletableFuture<Void> high = new CompletableFuture<>();
        queue.submit("low", at("p-0", 10), 0, executor, record("low@10", done()));
        queue.submit("high", at("p-0", 11), 2, executor, record("high@11", high));
        queue.submit("later", at("p-0", 12), 0, executor, record("later@12", done()));
        busy.complete(null);
        await().until(() -> started.contains("high@11"));
        executor.submit(() -> {
            await().until(queue::stopping);
            high.complete(null);
        });

        assertThat(queue.stop(Duration.ofSeconds(30))).isTrue();

        assertThat(started).as("low@10 fills the gap below high@11; later@12 waits for the restart")
                .containsExactly("busy", "high@11", "low@10");
    }

    @Test
    void stopGivesUpAfterItsTimeoutWhenAnItemNeverSettles() {
        KeyedWorkQueue queue = new KeyedWorkQueue("test", 1, 100, NEVER, clock::get);
        queue.submit("a", 1, executor, record("a", new CompletableFuture<>()));
        await().until(() -> started.contains("a"));

        assertThat(queue.stop(Duration.ofMillis(50))).isFalse();
        assertThat(queue.running()).isEqualTo(1);
    }

    private KeyedWorkQueue.Work record(String name, CompletionStage<Void> settled) {
        return () -> {
            started.add(name);
            return settled;
        };
    }

    private static KeyedWorkQueue.Position at(String partition, long offset) {
        return new KeyedWorkQueue.Position(partition, offset);
    }

    private static CompletionStage<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
