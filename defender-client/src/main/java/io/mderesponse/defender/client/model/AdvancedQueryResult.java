package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The answer of an advanced hunting query: the column schema and the rows.
 *
 * @param schema the columns, in query order
 * @param results one map per row, column name to JSON value (string, number, boolean, list, map or null), in
 *     column order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdvancedQueryResult(
        @JsonProperty("Schema") List<Column> schema,
        @JsonProperty("Results") List<Map<String, Object>> results) {

    public AdvancedQueryResult {
        schema = schema == null ? List.of() : List.copyOf(schema);
        // Rows may hold null values, which Map.copyOf refuses; the list itself is made read-only.
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** One column: its name and Kusto type ({@code String}, {@code DateTime}, {@code Int64}, ...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(@JsonProperty("Name") String name, @JsonProperty("Type") String type) {
    }
}
