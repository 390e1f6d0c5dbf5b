package io.mderesponse.simulator.odata;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OData query options of a list call: {@code $filter}, {@code $top} (at most 10,000), {@code $skip},
 * {@code $orderby}, {@code $expand} and {@code $count}.
 */
public record ODataQuery(String filter, Integer top, int skip, List<OrderBy> orderBy, Set<String> expand,
        boolean count) {

    /** The documented maximum of {@code $top}, which is also the page size without it. */
    public static final int MAX_TOP = 10_000;

    /** One {@code $orderby} item. */
    public record OrderBy(String property, boolean descending) {
    }

    /** Reads the options from decoded query parameters; invalid values are a 400 {@code ODataError}. */
    public static ODataQuery from(Map<String, List<String>> params) {
        String filter = single(params, "$filter");
        Integer top = integer(params, "$top");
        if (top != null && top > MAX_TOP) {
            throw error("The limit of '" + MAX_TOP + "' for Top query has been exceeded. "
                    + "The value from the incoming request is '" + top + "'.");
        }
        Integer skip = integer(params, "$skip");
        String orderBy = single(params, "$orderby");
        String expand = single(params, "$expand");
        String count = single(params, "$count");
        return new ODataQuery(filter == null || filter.isBlank() ? null : filter, top, skip == null ? 0 : skip,
                orderBy == null ? List.of() : orderBy(orderBy), expand == null ? Set.of() : expand(expand),
                "true".equalsIgnoreCase(count));
    }

    private static List<OrderBy> orderBy(String text) {
        List<OrderBy> items = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] parts = item.trim().split("\\s+");
            if (parts[0].isEmpty() || parts.length > 2
                    || parts.length == 2 && !Set.of("asc", "desc").contains(parts[1].toLowerCase(Locale.ROOT))) {
                throw error("Syntax error in $orderby: '" + item.trim() + "'. Use '<property> [asc|desc]'.");
            }
            items.add(new OrderBy(parts[0], parts.length == 2 && parts[1].equalsIgnoreCase("desc")));
        }
        return List.copyOf(items);
    }

    private static Set<String> expand(String text) {
        return Arrays.stream(text.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Integer integer(Map<String, List<String>> params, String name) {
        String text = single(params, name);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative number
        }
        throw error("Invalid value '" + text + "' for " + name + " query option found. The " + name
                + " query option requires a non-negative integer value.");
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw error("Query option '" + name
                    + "' was specified more than once, but it must be specified at most once.");
        }
        return values.get(0);
    }

    private static ApiException error(String detail) {
        return ApiException.badRequest(ErrorCodes.ODATA_ERROR,
                "The query specified in the URI is not valid. " + detail);
    }
}
