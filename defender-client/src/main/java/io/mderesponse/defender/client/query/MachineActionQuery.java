package io.mderesponse.defender.client.query;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.defender.client.MachineActionIds;
import io.mderesponse.defender.client.model.MachineActionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query of a {@code GET /api/machineactions}: {@code $filter} on known fields with safely written values,
 * {@code $top} and {@code $skip}.
 *
 * <pre>{@code
 * MachineActionQuery.builder().machineId(id).type(MachineActionType.Isolate)
 *         .status(MachineActionStatus.Pending).build();
 * }</pre>
 */
public final class MachineActionQuery {

    private final String filter;
    private final Integer top;
    private final Integer skip;

    private MachineActionQuery(Builder builder) {
        this.filter = builder.filter.build().orElse(null);
        this.top = builder.top;
        this.skip = builder.skip;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code $filter} value, e.g. {@code machineId eq '1e5b...' and type eq 'Isolate'}. */
    public Optional<String> filter() {
        return Optional.ofNullable(filter);
    }

    public OptionalInt top() {
        return top == null ? OptionalInt.empty() : OptionalInt.of(top);
    }

    public OptionalInt skip() {
        return skip == null ? OptionalInt.empty() : OptionalInt.of(skip);
    }

    @Override
    public String toString() {
        return "MachineActionQuery[$filter=" + filter + ", $top=" + top + ", $skip=" + skip + "]";
    }

    /** Builds a {@link MachineActionQuery}; clauses are joined with {@code and}. */
    public static final class Builder {

        private final FilterBuilder filter = new FilterBuilder();
        private Integer top;
        private Integer skip;

        private Builder() {
        }

        /** {@code field op 'text'}; ids are checked (GUID for {@code id}, 40 hex for {@code machineId}). */
        public Builder where(MachineActionField field, Comparison comparison, String value) {
            if (field == MachineActionField.ID) {
                MachineActionIds.requireValid(value);
            } else if (field == MachineActionField.MACHINE_ID) {
                DefenderIds.requireValidMachineId(value);
            }
            filter.add(field.odataName(), field.kind(), comparison, value);
            return this;
        }

        /** {@code creationDateTimeUtc op timestamp}. */
        public Builder where(MachineActionField field, Comparison comparison, Instant value) {
            filter.add(field.odataName(), field.kind(), comparison, value);
            return this;
        }

        /** Actions on one machine: {@code machineId eq '...'}. */
        public Builder machineId(String machineId) {
            return where(MachineActionField.MACHINE_ID, Comparison.EQ, machineId);
        }

        /** Actions of one type: {@code type eq 'Isolate'}. */
        public Builder type(MachineActionType type) {
            return where(MachineActionField.TYPE, Comparison.EQ, Objects.requireNonNull(type, "type").name());
        }

        /**
         * Actions of one kind, by Defender's type: {@code type eq 'RunAntiVirusScan'}.
         *
         * @throws IllegalArgumentException for {@link MachineActionKind#UNKNOWN}, which has no Defender type
         */
        public Builder type(MachineActionKind kind) {
            Objects.requireNonNull(kind, "kind");
            if (kind.defenderType() == null) {
                throw new IllegalArgumentException("The kind unknown has no Defender action type to filter on");
            }
            return where(MachineActionField.TYPE, Comparison.EQ, kind.defenderType());
        }

        /** Actions in one status: {@code status eq 'Pending'}. */
        public Builder status(MachineActionStatus status) {
            return where(MachineActionField.STATUS, Comparison.EQ, Objects.requireNonNull(status, "status").name());
        }

        /** Actions created at or after {@code since}: {@code creationDateTimeUtc ge since}. */
        public Builder createdSince(Instant since) {
            return where(MachineActionField.CREATION_DATE_TIME_UTC, Comparison.GE, since);
        }

        /** Page size, 1 to {@value Paging#MAX_TOP}. */
        public Builder top(int top) {
            this.top = Paging.top(top);
            return this;
        }

        public Builder skip(int skip) {
            this.skip = Paging.skip(skip);
            return this;
        }

        public MachineActionQuery build() {
            return new MachineActionQuery(this);
        }
    }
}
