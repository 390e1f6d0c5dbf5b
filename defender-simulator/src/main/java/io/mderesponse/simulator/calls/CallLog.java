package io.mderesponse.simulator.calls;

import io.mderesponse.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Every API and token call received, oldest first, bounded so long benchmark runs do not exhaust memory. */
@ApplicationScoped
public class CallLog {

    private final int capacity;
    private final Deque<RecordedCall> calls = new ArrayDeque<>();

    public CallLog(SimulatorConfig config) {
        this.capacity = Math.max(1, config.callLogSize());
    }

    public synchronized void add(RecordedCall call) {
        if (calls.size() == capacity) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** Calls matching every given filter; null filters match everything. */
    public synchronized List<RecordedCall.View> find(String family, String method, String pathContains) {
        return calls.stream()
                .filter(c -> family == null || family.equalsIgnoreCase(c.family()))
                .filter(c -> method == null || method.equalsIgnoreCase(c.method()))
                .filter(c -> pathContains == null
                        || c.path().toLowerCase(Locale.ROOT).contains(pathContains.toLowerCase(Locale.ROOT)))
                .map(RecordedCall::view)
                .toList();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
