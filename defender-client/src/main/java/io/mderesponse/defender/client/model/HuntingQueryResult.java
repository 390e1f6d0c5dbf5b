package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Graph's {@code huntingQueryResults}: the column schema and the rows, named in lower case (the old API's
 * {@link AdvancedQueryResult} says {@code Schema}/{@code Results}). Values come as Graph writes them (a long may be
 * a JSON string, a date-time has as many fractional digits as Graph chose): compare them by column type.
 *
 * @param schema the columns, in query order
 * @param results one map per row, column name to JSON value, in column order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HuntingQueryResult(
        @JsonProperty("schema") List<Column> schema,
        @JsonProperty("results") List<Map<String, Object>> results) {

    public HuntingQueryResult {
        schema = schema == null ? List.of() : List.copyOf(schema);
        // Rows may hold null values, which Map.copyOf refuses; the list itself is made read-only.
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** One column; Graph names its fields {@code name}/{@code type} (some samples {@code Name}/{@code Type}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(@JsonProperty("name") @JsonAlias("Name") String name,
            @JsonProperty("type") @JsonAlias("Type") String type) {
    }
}
