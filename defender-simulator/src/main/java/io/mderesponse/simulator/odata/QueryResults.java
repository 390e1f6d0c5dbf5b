package io.mderesponse.simulator.odata;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Applies a query's filter, order and paging to entities. */
public final class QueryResults {

    private QueryResults() {
    }

    /** One page of results, the number that matched, and whether more follow (for {@code @odata.nextLink}). */
    public record Page<T>(List<T> items, long matched, boolean more) {
    }

    public static <T> Page<T> apply(Collection<T> entities, ODataQuery query, EntityFields<T> fields) {
        Predicate<T> filter = query.filter() == null ? e -> true
                : FilterCompiler.compile(FilterParser.parse(query.filter()), fields);
        Comparator<T> order = order(query, fields);
        List<T> matched = entities.stream().filter(filter).sorted(order).toList();
        int pageSize = query.top() == null ? ODataQuery.MAX_TOP : query.top();
        int from = Math.min(query.skip(), matched.size());
        int to = (int) Math.min((long) from + pageSize, matched.size());
        // Like the real API, a next link is offered only when the client did not choose a page size itself.
        boolean more = query.top() == null && to < matched.size();
        return new Page<>(matched.subList(from, to), matched.size(), more);
    }

    private static <T> Comparator<T> order(ODataQuery query, EntityFields<T> fields) {
        Comparator<T> order = null;
        for (ODataQuery.OrderBy item : query.orderBy()) {
            Field<T> field = fields.require(item.property());
            Comparator<T> byField = Comparator.comparing(e -> field.getter().apply(e), valueOrder(field));
            if (item.descending()) {
                byField = byField.reversed();
            }
            order = order == null ? byField : order.thenComparing(byField);
        }
        return order == null ? fields.defaultOrder() : order.thenComparing(fields.defaultOrder());
    }

    /** Nulls first (OData treats null as the smallest value); enums by member order, text ignoring case. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<Object> valueOrder(Field<T> field) {
        Comparator<Object> values = switch (field.type()) {
            case ENUM -> Comparator.comparingInt(o -> field.rank(o.toString()));
            case STRING -> (a, b) -> a.toString().compareToIgnoreCase(b.toString());
            default -> (a, b) -> ((Comparable) a).compareTo(b);
        };
        return Comparator.nullsFirst(values);
    }
}
