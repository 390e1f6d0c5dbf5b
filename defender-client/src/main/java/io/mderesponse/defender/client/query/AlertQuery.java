package io.mderesponse.defender.client.query;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.id.DefenderIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query of a {@code GET /api/alerts}: {@code $filter}, {@code $orderby}, {@code $top}, {@code $skip} and
 * {@code $expand=evidence}, built from known fields and safely written values only.
 *
 * <pre>{@code
 * AlertQuery.builder().lastUpdatedSince(watermark).orderBy(AlertField.LAST_UPDATE_TIME, SortDirection.ASC)
 *         .top(500).expandEvidence().build();
 * }</pre>
 */
public final class AlertQuery {

    /** Defender's largest page. */
    public static final int MAX_TOP = Paging.MAX_TOP;

    private final String filter;
    private final String orderBy;
    private final Integer top;
    private final Integer skip;
    private final boolean expandEvidence;

    private AlertQuery(Builder builder) {
        this.filter = builder.filter.build().orElse(null);
        this.orderBy = builder.orderBy.isEmpty() ? null : String.join(",", builder.orderBy);
        this.top = builder.top;
        this.skip = builder.skip;
        this.expandEvidence = builder.expandEvidence;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All alerts in retention, Defender's default page. */
    public static AlertQuery all() {
        return builder().build();
    }

    /** The {@code $filter} value, e.g. {@code lastUpdateTime ge 2021-01-24T10:00:00Z and status ne 'Resolved'}. */
    public Optional<String> filter() {
        return Optional.ofNullable(filter);
    }

    /** The {@code $orderby} value, e.g. {@code lastUpdateTime asc}. */
    public Optional<String> orderBy() {
        return Optional.ofNullable(orderBy);
    }

    public OptionalInt top() {
        return top == null ? OptionalInt.empty() : OptionalInt.of(top);
    }

    public OptionalInt skip() {
        return skip == null ? OptionalInt.empty() : OptionalInt.of(skip);
    }

    /** The {@code $expand} value: {@code evidence} or none. */
    public Optional<String> expand() {
        return expandEvidence ? Optional.of("evidence") : Optional.empty();
    }

    @Override
    public String toString() {
        return "AlertQuery[$filter=" + filter + ", $orderby=" + orderBy + ", $top=" + top + ", $skip=" + skip
                + ", $expand=" + expand().orElse(null) + "]";
    }

    /** Builds an {@link AlertQuery}; clauses are joined with {@code and}. */
    public static final class Builder {

        private final FilterBuilder filter = new FilterBuilder();
        private final List<String> orderBy = new ArrayList<>();
        private Integer top;
        private Integer skip;
        private boolean expandEvidence;

        private Builder() {
        }

        /** {@code field op timestamp}, for the time fields. */
        public Builder where(AlertField field, Comparison comparison, Instant value) {
            filter.add(field.odataName(), field.kind(), comparison, value);
            return this;
        }

        /** {@code field op 'text'}, for the text fields; an {@link AlertField#ID} must be a valid alert id. */
        public Builder where(AlertField field, Comparison comparison, String value) {
            if (field == AlertField.ID) {
                DefenderIds.requireValidAlertId(value);
            }
            filter.add(field.odataName(), field.kind(), comparison, value);
            return this;
        }

        /** {@code field op number}, for incident and investigation ids. */
        public Builder where(AlertField field, Comparison comparison, long value) {
            filter.add(field.odataName(), field.kind(), comparison, value);
            return this;
        }

        /** {@code severity op 'High'}. */
        public Builder where(AlertField field, Comparison comparison, Severity value) {
            if (field != AlertField.SEVERITY) {
                throw new IllegalArgumentException(field.odataName() + " does not take a severity");
            }
            return where(field, comparison, Objects.requireNonNull(value, "severity").name());
        }

        /** Alerts changed at or after {@code since}: {@code lastUpdateTime ge since}. */
        public Builder lastUpdatedSince(Instant since) {
            return where(AlertField.LAST_UPDATE_TIME, Comparison.GE, since);
        }

        /** Alerts created after {@code after}: {@code alertCreationTime gt after}. */
        public Builder createdAfter(Instant after) {
            return where(AlertField.ALERT_CREATION_TIME, Comparison.GT, after);
        }

        /** Adds a sort key; keys apply in the order added. */
        public Builder orderBy(AlertField field, SortDirection direction) {
            orderBy.add(field.odataName() + " " + direction.odata());
            return this;
        }

        /** Page size, 1 to {@value Paging#MAX_TOP}. */
        public Builder top(int top) {
            this.top = Paging.top(top);
            return this;
        }

        /** Alerts to skip, for paging with {@link #top(int)}. */
        public Builder skip(int skip) {
            this.skip = Paging.skip(skip);
            return this;
        }

        /** Asks for each alert's evidence ({@code $expand=evidence}). */
        public Builder expandEvidence() {
            this.expandEvidence = true;
            return this;
        }

        public AlertQuery build() {
            return new AlertQuery(this);
        }
    }
}
