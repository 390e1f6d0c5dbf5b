package io.mderesponse.defender.client;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.defender.client.api.AdvancedQueryRequest;
import io.mderesponse.defender.client.api.CommentRequest;
import io.mderesponse.defender.client.api.DefenderApi;
import io.mderesponse.defender.client.api.GraphHuntingApi;
import io.mderesponse.defender.client.api.HuntingQueryRequest;
import io.mderesponse.defender.client.api.IsolateRequest;
import io.mderesponse.defender.client.api.RunAntiVirusScanRequest;
import io.mderesponse.defender.client.api.StopAndQuarantineFileRequest;
import io.mderesponse.defender.client.api.UnisolateRequest;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.defender.client.config.DefenderConfig;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.model.AdvancedQueryResult;
import io.mderesponse.defender.client.model.HuntingQueryResult;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.ODataList;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.defender.client.query.MachineActionQuery;
import io.mderesponse.defender.client.retry.RetryPolicy;
import io.mderesponse.defender.client.retry.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The Defender API for every service: typed, blocking calls (make them from worker threads) with tokens,
 * retries, id checks and typed errors ({@link io.mderesponse.defender.client.error.DefenderApiException}).
 *
 * <p>Every request first takes a token of its family from this process's {@link DefenderBudget} and waits for
 * one up to {@code defender.budget.max-wait}; when none comes in time the call fails unsent with
 * {@link io.mderesponse.defender.client.error.DefenderBudgetExhaustedException}. A 429 pauses the family for
 * every caller of the process. The overloads taking {@link CallOptions} set a call's priority and longest wait.
 *
 * <p>Ids are checked before they enter a URL: an invalid one throws {@link IllegalArgumentException} and nothing
 * is sent.
 */
@ApplicationScoped
@Startup // Builds the clients and checks the retry settings at start, not on the first alert.
public class DefenderClient {

    private final DefenderApi api;
    private final DefenderApi advancedQueries;
    private final GraphHuntingApi graphHunting;
    private final DefenderCalls calls;

    @Inject
    DefenderClient(DefenderEndpoints endpoints, DefenderConfig config, DefenderBudget budget, MeterRegistry registry) {
        this.api = endpoints.api();
        this.advancedQueries = endpoints.advancedQueries();
        this.graphHunting = endpoints.graphHunting();
        DefenderConfig.Retry retry = config.retry();
        this.calls = new DefenderCalls(
                new RetryPolicy(retry.initial(), retry.max(), retry.attempts(), retry.maxRetryAfter()),
                Sleeper.THREAD, Clock.systemUTC(), budget, config.budget().maxWait(),
                new MicrometerCallObserver(registry));
    }

    /**
     * {@code GET /api/alerts} with the query's {@code $filter}, {@code $orderby}, {@code $top}, {@code $skip} and
     * {@code $expand}: one page; page on with {@code skip}.
     */
    public List<DefenderAlert> listAlerts(AlertQuery query) {
        Objects.requireNonNull(query, "query");
        ODataList<DefenderAlert> page = calls.run(DefenderOperation.LIST_ALERTS, () -> api.listAlerts(
                query.filter().orElse(null), boxed(query.top()), boxed(query.skip()), query.orderBy().orElse(null),
                query.expand().orElse(null)));
        return values(DefenderOperation.LIST_ALERTS, page);
    }

    /** {@code GET /api/alerts/{id}}, with evidence. */
    public DefenderAlert getAlert(String alertId) {
        return getAlert(alertId, CallOptions.normal());
    }

    /** {@link #getAlert(String)} with the given priority and longest wait for a token. */
    public DefenderAlert getAlert(String alertId, CallOptions options) {
        DefenderIds.requireValidAlertId(alertId);
        Objects.requireNonNull(options, "options");
        return calls.run(DefenderOperation.GET_ALERT, options, () -> api.getAlert(alertId));
    }

    /** {@code GET /api/machines/{id}}, by device id only: a machine is never looked up by name. */
    public DefenderMachine getMachine(String machineId) {
        return getMachine(machineId, CallOptions.normal());
    }

    /** {@link #getMachine(String)} with the given priority and longest wait for a token. */
    public DefenderMachine getMachine(String machineId, CallOptions options) {
        DefenderIds.requireValidMachineId(machineId);
        Objects.requireNonNull(options, "options");
        return calls.run(DefenderOperation.GET_MACHINE, options, () -> api.getMachine(machineId));
    }

    /**
     * {@code POST /api/machines/{id}/isolate}: starts isolating the machine and returns the new (usually
     * {@code Pending}) action. Retried only when Defender cannot have acted on it (429, connection refused).
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when an isolation is pending
     */
    public MachineAction isolate(String machineId, IsolationType isolationType, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        IsolateRequest request = new IsolateRequest(requireComment(comment),
                Objects.requireNonNull(isolationType, "isolationType"));
        return calls.run(DefenderOperation.ISOLATE, () -> api.isolate(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/unisolate}: releases the machine from isolation. Retried like
     * {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when a release is pending
     */
    public MachineAction unisolate(String machineId, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        UnisolateRequest request = new UnisolateRequest(requireComment(comment));
        return calls.run(DefenderOperation.UNISOLATE, () -> api.unisolate(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/runAntiVirusScan}: starts a Quick or Full antivirus scan (permission
     * {@code Machine.Scan}, family {@code antivirusscan}). Retried like {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when Defender answers that a scan
     *     is already in progress (it may instead answer 201 with the pending scan: compare the action's comment)
     */
    public MachineAction runAntiVirusScan(String machineId, ScanType scanType, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        RunAntiVirusScanRequest request = new RunAntiVirusScanRequest(requireComment(comment),
                Objects.requireNonNull(scanType, "scanType"));
        return calls.run(DefenderOperation.RUN_ANTIVIRUS_SCAN, () -> api.runAntiVirusScan(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/collectInvestigationPackage}: starts collecting the forensics package
     * (permission {@code Machine.CollectForensics}, family {@code investigationpackage}). Retried like
     * {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when a collection is already
     *     running (Defender documents a 400)
     */
    public MachineAction collectInvestigationPackage(String machineId, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        CommentRequest request = new CommentRequest(requireComment(comment));
        return calls.run(DefenderOperation.COLLECT_INVESTIGATION_PACKAGE,
                () -> api.collectInvestigationPackage(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/restrictCodeExecution}: lets only Microsoft-signed programs run (permission
     * {@code Machine.RestrictExecution}, family {@code restrictexecution}). Retried like {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when a restriction is pending
     */
    public MachineAction restrictCodeExecution(String machineId, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        CommentRequest request = new CommentRequest(requireComment(comment));
        return calls.run(DefenderOperation.RESTRICT_CODE_EXECUTION,
                () -> api.restrictCodeExecution(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/unrestrictCodeExecution}: removes the app execution restriction (permission
     * {@code Machine.RestrictExecution}, family {@code restrictexecution}). Retried like {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when a removal is pending
     */
    public MachineAction unrestrictCodeExecution(String machineId, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        CommentRequest request = new CommentRequest(requireComment(comment));
        return calls.run(DefenderOperation.UNRESTRICT_CODE_EXECUTION,
                () -> api.unrestrictCodeExecution(machineId, request));
    }

    /**
     * {@code POST /api/machines/{id}/StopAndQuarantineFile}: stops the file's processes and quarantines it
     * (permission {@code Machine.StopAndQuarantine}, family {@code quarantine}). The SHA-1 (40 hex characters) is
     * checked before anything is sent and sent as given. Retried like {@link #isolate}.
     *
     * @throws io.mderesponse.defender.client.error.ActionAlreadyInProgressException when Defender answers that it is
     *     already in progress (undocumented for this call; a new action may be created instead)
     */
    public MachineAction stopAndQuarantineFile(String machineId, String sha1, String comment) {
        DefenderIds.requireValidMachineId(machineId);
        DefenderIds.requireValidSha1(sha1);
        StopAndQuarantineFileRequest request = new StopAndQuarantineFileRequest(requireComment(comment), sha1);
        return calls.run(DefenderOperation.STOP_AND_QUARANTINE_FILE,
                () -> api.stopAndQuarantineFile(machineId, request));
    }

    /**
     * Starts the machine action a decision asks for, by its kind: {@link #isolate} with its isolation type,
     * {@link #unisolate}, or one of the calls above with its scan type or SHA-1.
     *
     * @throws IllegalArgumentException for a bad machine id or SHA-1, a blank comment, or the kind
     *     {@link MachineActionKind#UNKNOWN} (a kind this version does not know); nothing is sent then
     */
    public MachineAction startMachineAction(String machineId, RequestedAction action, String comment) {
        Objects.requireNonNull(action, "action");
        return switch (action.kind()) {
            case ISOLATE -> isolate(machineId, action.isolationType(), comment);
            case UNISOLATE -> unisolate(machineId, comment);
            case ANTIVIRUS_SCAN -> runAntiVirusScan(machineId, action.scanType(), comment);
            case COLLECT_INVESTIGATION_PACKAGE -> collectInvestigationPackage(machineId, comment);
            case RESTRICT_APP_EXECUTION -> restrictCodeExecution(machineId, comment);
            case REMOVE_APP_RESTRICTION -> unrestrictCodeExecution(machineId, comment);
            case STOP_AND_QUARANTINE_FILE -> stopAndQuarantineFile(machineId, action.sha1(), comment);
            case UNKNOWN -> throw new IllegalArgumentException(
                    "A machine action of a kind this version does not know cannot be started");
        };
    }

    /** {@code GET /api/machineactions} with the query's {@code $filter}, {@code $top}, {@code $skip}. */
    public List<MachineAction> listMachineActions(MachineActionQuery query) {
        Objects.requireNonNull(query, "query");
        ODataList<MachineAction> page = calls.run(DefenderOperation.LIST_MACHINE_ACTIONS, () -> api
                .listMachineActions(query.filter().orElse(null), boxed(query.top()), boxed(query.skip())));
        return values(DefenderOperation.LIST_MACHINE_ACTIONS, page);
    }

    /** {@code GET /api/machineactions/{id}}; the id must be a GUID. */
    public MachineAction getMachineAction(String actionId) {
        MachineActionIds.requireValid(actionId);
        return calls.run(DefenderOperation.GET_MACHINE_ACTION, () -> api.getMachineAction(actionId));
    }

    /** {@code POST /api/advancedqueries/run}: runs a KQL query (last 30 days, at most 100,000 rows). */
    public AdvancedQueryResult runAdvancedQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("An advanced query must not be blank");
        }
        AdvancedQueryRequest request = new AdvancedQueryRequest(query);
        return calls.run(DefenderOperation.RUN_ADVANCED_QUERY, () -> advancedQueries.runAdvancedQuery(request));
    }

    /**
     * Microsoft Graph's {@code POST /security/runHuntingQuery}: runs a KQL query over the rows from {@code start} to
     * {@code end} (sent as the ISO 8601 {@code Timespan} {@code start/end}; Graph keeps 30 days, at most 100,000
     * rows). Its token is the {@value GraphHuntingApi#OIDC_CLIENT} client's, its budget family
     * {@code graphhunting}; a 403 names {@code ThreatHunting.Read.All}.
     */
    public HuntingQueryResult runHuntingQuery(String query, Instant start, Instant end) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("A hunting query must not be blank");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("A hunting query's start " + start + " is after its end " + end);
        }
        HuntingQueryRequest request = new HuntingQueryRequest(query, start + "/" + end);
        return calls.run(DefenderOperation.RUN_HUNTING_QUERY, () -> graphHunting.runHuntingQuery(request));
    }

    private static <T> List<T> values(DefenderOperation operation, ODataList<T> page) {
        if (page.value() == null || page.value().contains(null)) {
            throw new DefenderMalformedResponseException(operation, ErrorDetails.noResponse(),
                    "a list answer needs a \"value\" array of objects", null);
        }
        return List.copyOf(page.value());
    }

    // Defender requires a comment, and the response service puts its request id there.
    private static String requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("A machine action needs a comment");
        }
        return comment;
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
