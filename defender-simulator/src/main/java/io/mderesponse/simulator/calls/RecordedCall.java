package io.mderesponse.simulator.calls;

import java.time.Instant;

/**
 * One call the simulator received: the query string raw (still encoded, lossless), the status filled in when the
 * answer is sent (null if none was).
 */
public final class RecordedCall {

    private final Instant time;
    private final String method;
    private final String path;
    private final String query;
    private final String family;
    private final String body;
    private volatile Integer status;
    private volatile boolean authorized;

    public RecordedCall(Instant time, String method, String path, String query, String family, String body) {
        this.time = time;
        this.method = method;
        this.path = path;
        this.query = query;
        this.family = family;
        this.body = body;
    }

    /** The call's JSON form for the admin API. */
    public record View(Instant time, String method, String path, String query, String family, Integer status,
            String body, boolean authorized) {
    }

    public void authorized() {
        authorized = true;
    }

    public void completed(Integer status) {
        this.status = status;
    }

    public String family() {
        return family;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public View view() {
        return new View(time, method, path, query, family, status, body, authorized);
    }
}
