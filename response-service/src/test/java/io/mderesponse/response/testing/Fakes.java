package io.mderesponse.response.testing;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.response.defender.DefenderActions;
import io.mderesponse.response.service.ResultPublisher;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.state.ResponseState;
import io.mderesponse.response.state.StateWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** In-memory stand-ins for Defender, Kafka and time, for plain unit tests of the service classes. */
public final class Fakes {

    private Fakes() {
    }

    /** A Defender machine action as the API returns it. */
    public static MachineAction action(String machineId, MachineActionType type, MachineActionStatus status,
            String comment, Instant created) {
        return action(machineId, MachineActionKind.of(type), status, comment, created);
    }

    /** A Defender machine action of {@code kind}'s Defender type. */
    public static MachineAction action(String machineId, MachineActionKind kind, MachineActionStatus status,
            String comment, Instant created) {
        return new MachineAction(UUID.randomUUID().toString(), kind.defenderType(), "Full", "local-dev-client",
                comment, "PublicApi", null, status, machineId, "ws.contoso.com", created, created, null, null, null,
                kind.defenderType() + " machine", null, List.of(), 0);
    }


    /** The state topics as a table with increasing offsets; every write is counted. */
    public static final class State implements StateWriter {
        public final ResponseState table = new ResponseState();
        public final List<Object> writes = new ArrayList<>();
        private long offset;

        @Override
        public void recordIntent(RequestIntent intent) {
            writes.add(intent);
            table.applyIntent(intent.requestId(), intent, offset++);
        }

        @Override
        public void forgetIntent(UUID requestId) {
            writes.add("forget " + requestId);
            table.applyIntent(requestId, null, offset++);
        }

        @Override
        public void recordProgress(RequestProgress progress) {
            writes.add(progress);
            table.applyProgress(progress.requestId(), progress, offset++);
        }
    }

    /** Published results: isolation's and the other kinds'. */
    public static final class Results implements ResultPublisher {
        public final List<MachineActionCompleted> published = new ArrayList<>();
        public final List<ResponseActionCompleted> responses = new ArrayList<>();

        @Override
        public void publish(MachineActionCompleted result) {
            published.add(result);
        }

        @Override
        public void publish(ResponseActionCompleted result) {
            responses.add(result);
        }
    }

    /** Defender: each start answers the next scripted answer (an action, or a thrown exception). */
    public static final class Defender implements DefenderActions {
        public final List<String> calls = new ArrayList<>();
        public final List<MachineAction> listed = new ArrayList<>();
        private final Deque<Supplier<MachineAction>> answers = new ArrayDeque<>();

        public Defender answer(Supplier<MachineAction> answer) {
            answers.add(answer);
            return this;
        }

        /** Answers 201 with a new Pending action carrying the comment, which then shows in the list. */
        public Defender acts() {
            return answer(() -> null);
        }

        @Override
        public MachineAction start(ActionRequest request, String comment) {
            calls.add("start " + comment);
            MachineAction answered = answers.isEmpty() ? null : answers.poll().get();
            if (answered != null) {
                return answered;
            }
            MachineAction action = action(request.machineId(), request.kind(), MachineActionStatus.Pending, comment,
                    Instant.now());
            listed.add(action);
            return action;
        }

        @Override
        public List<MachineAction> actionsOf(String machineId, MachineActionKind kind, Instant since) {
            calls.add("list");
            return listed.stream().filter(a -> a.machineId().equals(machineId) && a.typeIs(kind)).toList();
        }

        @Override
        public MachineAction get(String machineActionId) {
            calls.add("get");
            return listed.stream().filter(a -> a.id().equals(machineActionId)).findFirst().orElseThrow();
        }

        public long starts() {
            return calls.stream().filter(c -> c.startsWith("start")).count();
        }
    }
}
