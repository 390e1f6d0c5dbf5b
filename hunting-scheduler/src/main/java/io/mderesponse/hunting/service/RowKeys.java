package io.mderesponse.hunting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mderesponse.hunting.service.query.HuntingQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented row key: {@code <query id>:<first 32 hex digits of SHA-256 of the row's canonical JSON>}.
 *
 * <p>The canonical JSON is the row's columns (all of them, or only the query's {@code keyColumns}) as a JSON object
 * with its keys sorted and no white space, values in their canonical form by column type ({@link RowValues}: the
 * caller passes the normalised row). The same row found by a later run (the look-backs overlap), through either API,
 * has the same key, whatever the column order or the API's way of writing a date-time or a number; a row with any
 * other value is new. 128 bits of the hash keep keys short while collisions stay out of reach.
 */
public final class RowKeys {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final HexFormat HEX = HexFormat.of();

    private RowKeys() {
    }

    public static String of(HuntingQuery query, Map<String, Object> row) {
        return query.id() + ":" + HEX.formatHex(sha256(canonicalJson(query, row))).substring(0, 32);
    }

    static String canonicalJson(HuntingQuery query, Map<String, Object> row) {
        Map<String, Object> identifying = row;
        if (!query.keyColumns().isEmpty()) {
            identifying = new LinkedHashMap<>();
            for (String column : query.keyColumns()) {
                identifying.put(column, row.get(column));
            }
        }
        try {
            return CANONICAL.writeValueAsString(identifying);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A hunting row could not be written as JSON", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
