package io.mderesponse.simulator.hunting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mderesponse.simulator.odata.DateTimes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An advanced hunting table: rows as given, with a schema inferred from their values. */
public record HuntingTable(String name, List<Column> schema, List<Map<String, Object>> rows) {

    /** One column of the schema, named as the API names it. */
    public record Column(@JsonProperty("Name") String name, @JsonProperty("Type") String type) {
    }

    /** Columns in order of first appearance; type from the first non-null value of each. */
    public static HuntingTable infer(String name, List<Map<String, Object>> rows) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            row.forEach((column, value) -> {
                if (value != null && types.get(column) == null) {
                    types.put(column, typeOf(value));
                } else {
                    types.putIfAbsent(column, null);
                }
            });
        }
        List<Column> schema = new ArrayList<>();
        types.forEach((column, type) -> schema.add(new Column(column, type == null ? "String" : type)));
        List<Map<String, Object>> copies = rows.stream().map(r -> Collections.unmodifiableMap(
                new LinkedHashMap<>(r))).toList();
        return new HuntingTable(name, List.copyOf(schema), copies);
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "Int64";
        }
        if (value instanceof Number) {
            return "Double";
        }
        if (value instanceof String text) {
            return DateTimes.parse(text).isPresent() ? "DateTime" : "String";
        }
        return "Object";
    }
}
