package io.mderesponse.simulator.hunting;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.odata.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a parsed query against the configured tables, within a time range when Graph's {@code Timespan} gives one;
 * each API's resource writes the answer in its own shape and {@link HuntingFormat format}.
 */
@ApplicationScoped
public class HuntingService {

    /** The documented row cap of one query. */
    static final int MAX_ROWS = 100_000;
    /** The column every advanced hunting table has, which Graph's {@code Timespan} applies to. */
    static final String TIMESTAMP = "Timestamp";

    private final HuntingTables tables;

    public HuntingService(HuntingTables tables) {
        this.tables = tables;
    }

    /** The answer of {@code POST /api/advancedqueries/run}. */
    public record Result(@JsonProperty("Schema") List<HuntingTable.Column> schema,
            @JsonProperty("Results") List<Map<String, Object>> results) {
    }

    /** The answer before an API writes it: the columns and the rows with their stored values. */
    public record Answer(List<HuntingTable.Column> schema, List<Map<String, Object>> rows) {

        /** The rows with every value written as {@code format} writes a value of its column's type. */
        public List<Map<String, Object>> rowsIn(HuntingFormat format) {
            return rows.stream().map(row -> {
                Map<String, Object> written = new LinkedHashMap<>();
                schema.forEach(c -> written.put(c.name(), format.write(c.type(), row.get(c.name()))));
                return written;
            }).toList();
        }
    }

    /** Defender's advanced hunting: the query alone decides the time range. */
    public Result run(String query, Instant now) {
        Answer answer = run(query, now, null);
        return new Result(answer.schema(), answer.rowsIn(HuntingFormat.DEFENDER));
    }

    /**
     * Graph's hunting: only rows whose {@code Timestamp} is inside {@code timespan} are searched (tables without a
     * {@code Timestamp} column are searched whole); null searches everything.
     */
    public Answer run(String query, Instant now, Timespan timespan) {
        KqlQuery parsed = KqlParser.parse(query, now);
        HuntingTable table = tables.find(parsed.table()).orElseThrow(() -> ApiException.badRequest(
                ErrorCodes.BAD_REQUEST, "Failed to resolve table or column expression named '" + parsed.table() + "'"));
        List<HuntingTable.Column> schema = table.schema();
        Stream<Map<String, Object>> rows = table.rows().stream();
        if (timespan != null) {
            rows = rows.filter(row -> !(row.get(TIMESTAMP) instanceof String text)
                    || DateTimes.parse(text).map(timespan::contains).orElse(true));
        }
        for (KqlQuery.Stage stage : parsed.stages()) {
            if (stage instanceof KqlQuery.Where where) {
                for (KqlQuery.Condition condition : where.conditions()) {
                    requireColumn(schema, condition.column());
                    rows = rows.filter(row -> condition.test(row.get(condition.column())));
                }
            } else if (stage instanceof KqlQuery.Limit limit) {
                rows = rows.limit(Math.max(0, limit.count()));
            } else if (stage instanceof KqlQuery.Project project) {
                project.columns().forEach(column -> requireColumn(table.schema(), column));
                schema = schema.stream().filter(c -> project.columns().contains(c.name()))
                        .sorted((a, b) -> project.columns().indexOf(a.name()) - project.columns().indexOf(b.name()))
                        .toList();
            }
        }
        List<HuntingTable.Column> columns = schema;
        List<Map<String, Object>> results = rows.limit(MAX_ROWS).map(row -> shape(row, columns)).toList();
        return new Answer(columns, results);
    }

    /** Each row with exactly the schema's columns, in schema order, missing values as null. */
    private static Map<String, Object> shape(Map<String, Object> row, List<HuntingTable.Column> columns) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        columns.forEach(c -> shaped.put(c.name(), row.get(c.name())));
        return shaped;
    }

    private static void requireColumn(List<HuntingTable.Column> schema, String column) {
        if (schema.stream().noneMatch(c -> c.name().equals(column))) {
            throw ApiException.badRequest(ErrorCodes.BAD_REQUEST,
                    "Failed to resolve scalar expression named '" + column + "'");
        }
    }
}
