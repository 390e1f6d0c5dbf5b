package io.mderesponse.simulator.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.actions.ActionStore.OnActive;
import io.mderesponse.simulator.actions.ActionStore.Started;
import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.Settings;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.error.JsonBodies;
import io.mderesponse.simulator.machines.Machine;
import io.mderesponse.simulator.machines.MachineStore;
import io.mderesponse.simulator.token.Authenticator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The machine actions of reference section 9 (1–4): antivirus scan, investigation package, restrict and remove the
 * app restriction, stop and quarantine a file. As for isolation, the body is bound first (exact parameter names,
 * values checked), then the machine is looked up by id, then a repeat of an active action answers as the settings
 * say where the reference leaves it open.
 */
@ApplicationScoped
public class ResponseActionService {

    /** A SHA-1 as the API accepts it: 40 hexadecimal characters, either case. */
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    private final MachineStore machines;
    private final ActionStore actions;
    private final ActionBehaviours behaviours;
    private final RuntimeSettings settings;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ResponseActionService(MachineStore machines, ActionStore actions, ActionBehaviours behaviours,
            RuntimeSettings settings, Authenticator authenticator, ObjectMapper mapper, Clock clock) {
        this.machines = machines;
        this.actions = actions;
        this.behaviours = behaviours;
        this.settings = settings;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The action a call answers with, and whether the call created it (201) or found it pending (200). */
    public record Answer(MachineAction action, boolean created) {
    }

    /** 9.1: {@code {"Comment","ScanType":"Quick|Full"}}, both required. */
    public Answer runAntiVirusScan(String machineId, String body, String authorization) {
        ObjectNode json = JsonBodies.object(mapper, body);
        String comment = JsonBodies.requiredString(json, "Comment");
        ScanType scanType = ScanType.parse(JsonBodies.requiredString(json, "ScanType"));
        return start(ActionType.RunAntiVirusScan, scanType.name(), null, machineId, comment, authorization,
                onRepeat(settings.current()));
    }

    /** 9.2: {@code {"Comment"}}; a collection already running is a 400 (documented). */
    public Answer collectInvestigationPackage(String machineId, String body, String authorization) {
        String comment = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Comment");
        return start(ActionType.CollectInvestigationPackage, null, null, machineId, comment, authorization,
                OnActive.REFUSE);
    }

    /** 9.3: {@code {"Comment"}}. */
    public Answer restrictCodeExecution(String machineId, String body, String authorization) {
        String comment = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Comment");
        return start(ActionType.RestrictCodeExecution, null, null, machineId, comment, authorization,
                onRepeat(settings.current()));
    }

    /** 9.3: {@code {"Comment"}}. */
    public Answer unrestrictCodeExecution(String machineId, String body, String authorization) {
        String comment = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Comment");
        return start(ActionType.UnrestrictCodeExecution, null, null, machineId, comment, authorization,
                onRepeat(settings.current()));
    }

    /** 9.4: {@code {"Comment","Sha1"}}, both required; a value that is no SHA-1 is {@code InvalidHashValue}. */
    public Answer stopAndQuarantineFile(String machineId, String body, String authorization) {
        ObjectNode json = JsonBodies.object(mapper, body);
        String comment = JsonBodies.requiredString(json, "Comment");
        String sha1 = JsonBodies.requiredString(json, "Sha1");
        if (!SHA1.matcher(sha1).matches()) {
            throw ApiException.badRequest(ErrorCodes.INVALID_HASH_VALUE,
                    "Invalid hash value: a SHA-1 is 40 hexadecimal characters.");
        }
        OnActive onActive = settings.current().quarantineRepeat() == QuarantineRepeat.AlreadyInProgress
                ? OnActive.REFUSE : OnActive.START_ANOTHER;
        return start(ActionType.StopAndQuarantineFile, null, sha1, machineId, comment, authorization, onActive);
    }

    private static OnActive onRepeat(Settings current) {
        return current.repeatAnswer() == RepeatAnswer.PendingAction ? OnActive.RETURN_ACTIVE : OnActive.REFUSE;
    }

    private Answer start(ActionType type, String scope, String sha1, String machineId, String comment,
            String authorization, OnActive onActive) {
        Machine machine = machines.byId(machineId)
                .orElseThrow(() -> ApiException.notFound("Machine " + machineId + " was not found"));
        Instant now = clock.instant();
        Started started = actions.start(type, scope, sha1, machine, comment, authenticator.appIdOf(authorization),
                behaviours.planFor(machine.id()), now, onActive);
        return new Answer(started.action().viewAt(now), started.created());
    }
}
