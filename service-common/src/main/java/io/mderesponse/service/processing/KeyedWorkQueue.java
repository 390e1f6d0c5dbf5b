package io.mderesponse.service.processing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Runs the records of one channel on several workers at once. Plain Java, thread-safe.
 *
 * <ul>
 * <li><b>In order per key</b>: the items of one key run one at a time, in the order they were submitted; an item
 * counts as running until the stage its work returned completes (a record held for later keeps its key held).</li>
 * <li><b>Highest priority first across keys</b>: when a worker is free, the key whose waiting items have the highest
 * priority goes first (a key takes the highest priority among its items, so an {@code AlertSeverityRaised} to High
 * pulls its alert's earlier {@code AlertDetected} forward); equal priorities go in submission order.</li>
 * <li><b>No starvation</b>: an item that has waited {@code agingAfter} or longer goes first, whatever its
 * priority, oldest first.</li>
 * <li><b>Workers kept for urgent items</b> (optional): items below {@code urgentPriority} occupy at most
 * {@code workers - urgentWorkers} workers, so an urgent item finds a free worker even when less urgent ones all
 * wait on something slow (Defender budget). An item counts with its lane's priority when it starts: an earlier item
 * of a key that has an urgent one waiting behind it is on the urgent path too.</li>
 * <li><b>Bounded</b>: {@link #submit} returns a stage that completes once the queue (waiting and running items)
 * is below its capacity; a caller that waits for it before submitting more (SmallRye does, for the stage an
 * {@code @Incoming} method returns) stops reading, and the Kafka consumer pauses.</li>
 * <li><b>Stoppable</b>: {@link #stop} takes nothing more and waits a bounded time for what runs. Of what waits, it
 * still runs the items that fill a gap (an offset below one already started in the same partition: since Kafka
 * commits a partition only up to its first unfinished record, leaving such an item would make its successor
 * process the later, finished records again) and drops the rest, whose records are neither acknowledged nor
 * committed and are read again after the restart.</li>
 * </ul>
 */
public final class KeyedWorkQueue {

    private static final Logger LOG = Logger.getLogger(KeyedWorkQueue.class);

    /** Where a record sits in its topic: its partition ("topic-partition") and offset. */
    public record Position(String partition, long offset) {
    }

    /** One record's work: runs on a worker; the stage completes when the record is settled (acked, nacked). */
    @FunctionalInterface
    public interface Work {
        CompletionStage<Void> run();
    }

    private final String name;
    private final int workers;
    private final int urgentWorkers;
    private final int urgentPriority;
    private final int capacity;
    private final long agingNanos;
    private final LongSupplier nanoTime;

    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Lanes with a waiting head and nothing running: by priority (high first), then head's submission order. */
    private final TreeSet<Lane> byPriority = new TreeSet<>(Comparator.comparingInt((Lane lane) -> -lane.priority)
            .thenComparingLong(Lane::headSeq));
    /** The same lanes by their head's submission order, for aging. */
    private final TreeSet<Lane> byAge = new TreeSet<>(Comparator.comparingLong(Lane::headSeq));
    private final List<CompletableFuture<Void>> waitingForSpace = new ArrayList<>();
    /** The highest offset started so far in each partition. */
    private final Map<String, Long> highestStarted = new HashMap<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private long sequence;
    private int size;
    private int running;
    /** Running items that started below {@code urgentPriority}. */
    private int runningNotUrgent;
    private boolean stopping;

    /**
     * @param urgentWorkers workers that only items of {@code urgentPriority} or above may use (0: none kept)
     */
    public KeyedWorkQueue(String name, int workers, int urgentWorkers, int urgentPriority, int capacity,
            Duration agingAfter, LongSupplier nanoTime) {
        if (workers < 1 || capacity < 1) {
            throw new IllegalArgumentException("workers and capacity must be at least 1, were " + workers + " and "
                    + capacity);
        }
        if (urgentWorkers < 0 || urgentWorkers >= workers) {
            throw new IllegalArgumentException("the workers kept for urgent items must be at least 0 and fewer than "
                    + "the workers (" + workers + "), were " + urgentWorkers);
        }
        this.name = name;
        this.workers = workers;
        this.urgentWorkers = urgentWorkers;
        this.urgentPriority = urgentPriority;
        this.capacity = capacity;
        this.agingNanos = agingAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    public KeyedWorkQueue(String name, int workers, int capacity, Duration agingAfter, LongSupplier nanoTime) {
        this(name, workers, 0, Integer.MAX_VALUE, capacity, agingAfter, nanoTime);
    }

    public KeyedWorkQueue(String name, int workers, int capacity, Duration agingAfter) {
        this(name, workers, capacity, agingAfter, System::nanoTime);
    }

    /**
     * Queues {@code work} behind the earlier items of {@code key}; it runs on {@code executor}. The returned stage
     * completes when the queue has room for the next item (at once, unless it is full); after {@link #stop} it never
     * completes and the work is not run.
     */
    public CompletionStage<Void> submit(String key, int priority, Executor executor, Work work) {
        return submit(key, null, priority, executor, work);
    }

    /** As {@link #submit(String, int, Executor, Work)}, for a record at {@code position} (null: unknown). */
    public CompletionStage<Void> submit(String key, Position position, int priority, Executor executor, Work work) {
        List<Item> toStart;
        CompletableFuture<Void> accepted;
        synchronized (lock) {
            if (stopping) {
                LOG.debugf("%s is stopping: an item of key %s is not run; its record is read again after the restart",
                        name, key);
                return new CompletableFuture<>();
            }
            Lane lane = lanes.computeIfAbsent(key, Lane::new);
            unready(lane);
            lane.add(new Item(++sequence, position, priority, nanoTime.getAsLong(), executor, work));
            ready(lane);
            size++;
            toStart = dispatchLocked();
            if (size < capacity) {
                accepted = CompletableFuture.completedFuture(null);
            } else {
                accepted = new CompletableFuture<>();
                waitingForSpace.add(accepted);
            }
        }
        start(toStart);
        return accepted;
    }

    /**
     * Takes nothing more, forgets the waiting items that fill no gap (their records stay unacknowledged), and waits
     * up to {@code timeout} for the running ones and the gap fillers to settle. True when none is left.
     */
    public boolean stop(Duration timeout) {
        int dropped = 0;
        int gaps = 0;
        List<Item> toStart;
        synchronized (lock) {
            stopping = true;
            byPriority.clear();
            byAge.clear();
            for (Lane lane : lanes.values()) {
                // Keep the lane's leading items that fill a gap; drop everything from its first other item on.
                List<Item> kept = new ArrayList<>();
                for (Item item : lane.items) {
                    if (!fillsGap(item)) {
                        break;
                    }
                    kept.add(item);
                }
                dropped += lane.items.size() - kept.size();
                gaps += kept.size();
                size -= lane.items.size() - kept.size();
                lane.items.clear();
                kept.forEach(lane::add);
                ready(lane);
            }
            lanes.values().removeIf(lane -> !lane.running && lane.items.isEmpty());
            toStart = dispatchLocked();
            if (size == 0) {
                idle.complete(null);
            }
        }
        start(toStart);
        if (gaps > 0) {
            LOG.infof("%s stops: %d records below a finished one of their partition are still processed", name, gaps);
        }
        if (dropped > 0) {
            LOG.infof("%s stops: %d records that had not started stay uncommitted and are read again after the "
                    + "restart", name, dropped);
        }
        try {
            idle.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("%s stops with %d records still in progress after %s; they stay uncommitted unless they "
                    + "finish", name, running(), timeout);
            return false;
        }
    }

    /** True once {@link #stop} was called. */
    public boolean stopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    /** Items waiting to start. */
    public int waiting() {
        synchronized (lock) {
            return size - running;
        }
    }

    /** Items running now. */
    public int running() {
        synchronized (lock) {
            return running;
        }
    }

    public String name() {
        return name;
    }

    private List<Item> dispatchLocked() {
        List<Item> toStart = new ArrayList<>();
        while (running < workers && !byAge.isEmpty()) {
            boolean notUrgentMayStart = runningNotUrgent < workers - urgentWorkers;
            Lane oldest = byAge.first();
            Lane lane = nanoTime.getAsLong() - oldest.items.peekFirst().submittedAt >= agingNanos
                    && (notUrgentMayStart || oldest.priority >= urgentPriority) ? oldest : byPriority.first();
            boolean urgent = lane.priority >= urgentPriority;
            if (!urgent && !notUrgentMayStart) {
                break; // the free workers are kept for urgent items, and none waits
            }
            unready(lane);
            lane.running = true;
            running++;
            Item item = lane.poll();
            item.startedUrgent = urgent;
            if (!urgent) {
                runningNotUrgent++;
            }
            if (item.position != null) {
                highestStarted.merge(item.position.partition(), item.position.offset(), Math::max);
            }
            toStart.add(item);
        }
        return toStart;
    }

    private boolean fillsGap(Item item) {
        if (item.position == null) {
            return false;
        }
        Long highest = highestStarted.get(item.position.partition());
        return highest != null && item.position.offset() < highest;
    }

    private void start(List<Item> items) {
        for (Item item : items) {
            try {
                item.executor.execute(() -> run(item));
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s could not start an item of key %s; its record stays unacknowledged", name,
                        item.lane.key);
                finished(item);
            }
        }
    }

    private void run(Item item) {
        CompletionStage<Void> settled;
        try {
            settled = item.work.run();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s: the work of key %s failed outside its own error handling", name, item.lane.key);
            settled = CompletableFuture.completedFuture(null);
        }
        settled.whenComplete((ignored, failure) -> finished(item));
    }

    private void finished(Item item) {
        List<Item> toStart;
        List<CompletableFuture<Void>> room = List.of();
        synchronized (lock) {
            Lane lane = item.lane;
            lane.running = false;
            running--;
            if (!item.startedUrgent) {
                runningNotUrgent--;
            }
            size--;
            if (lane.items.isEmpty()) {
                lanes.remove(lane.key);
            } else {
                ready(lane);
            }
            toStart = dispatchLocked();
            if (size < capacity && !waitingForSpace.isEmpty() && !stopping) {
                room = List.copyOf(waitingForSpace);
                waitingForSpace.clear();
            }
            if (stopping && size == 0) {
                idle.complete(null);
            }
        }
        start(toStart);
        room.forEach(future -> future.complete(null));
    }

    private void ready(Lane lane) {
        if (!lane.running && !lane.items.isEmpty()) {
            byPriority.add(lane);
            byAge.add(lane);
        }
    }

    private void unready(Lane lane) {
        byPriority.remove(lane);
        byAge.remove(lane);
    }

    /** The items of one key, in submission order. */
    private static final class Lane {
        final String key;
        final ArrayDeque<Item> items = new ArrayDeque<>();
        boolean running;
        int priority = Integer.MIN_VALUE;

        Lane(String key) {
            this.key = key;
        }

        long headSeq() {
            return items.isEmpty() ? Long.MAX_VALUE : items.peekFirst().seq;
        }

        void add(Item item) {
            item.lane = this;
            items.addLast(item);
            priority = Math.max(priority, item.priority);
        }

        Item poll() {
            Item head = items.pollFirst();
            priority = Integer.MIN_VALUE;
            for (Item item : items) {
                priority = Math.max(priority, item.priority);
            }
            return head;
        }
    }

    private static final class Item {
        final long seq;
        final Position position;
        final int priority;
        final long submittedAt;
        final Executor executor;
        final Work work;
        Lane lane;
        boolean startedUrgent;

        Item(long seq, Position position, int priority, long submittedAt, Executor executor, Work work) {
            this.seq = seq;
            this.position = position;
            this.priority = priority;
            this.submittedAt = submittedAt;
            this.executor = executor;
            this.work = work;
        }
    }
}
