package io.mderesponse.hunting.service;

import java.util.List;
import java.util.Map;

/**
 * What a hunting API answered, whichever it was: the type of each column (Kusto's name, e.g. {@code DateTime},
 * {@code Int64}) and the rows as sent.
 */
public record HuntingAnswer(Map<String, String> columnTypes, List<Map<String, Object>> rows) {

    public HuntingAnswer {
        columnTypes = Map.copyOf(columnTypes);
        rows = List.copyOf(rows);
    }
}
