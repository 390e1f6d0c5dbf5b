package io.mderesponse.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a schema changed only additively against a published baseline, the rule within a schema version.
 *
 * <p>Reported, at any depth (properties, items, {@code $defs}, {@code anyOf}/{@code oneOf}/{@code allOf}): a
 * removed property or definition; a changed {@code type}; an added or removed {@code required} field; a narrowed
 * or newly added {@code enum}; a changed {@code pattern}, {@code format}, {@code const}, {@code $ref} or length or
 * range bound; additional properties newly forbidden. Allowed: new optional properties and definitions, wider
 * enums, changed descriptions.
 */
public final class SchemaCompatibility {

    /** Keywords whose any change alters which documents are valid. */
    private static final List<String> EXACT_KEYWORDS = List.of("$id", "$ref", "const", "pattern", "format",
            "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
            "maxItems", "uniqueItems");
    private static final List<String> COMBINATORS = List.of("anyOf", "oneOf", "allOf");

    private SchemaCompatibility() {
    }

    /** The incompatibilities of {@code current} against {@code baseline}, each as {@code "<path>: <problem>"}. */
    public static List<String> check(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("", baseline, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode base, JsonNode cur, List<String> problems) {
        String at = path.isEmpty() ? "/" : path;
        if (!base.isObject() || !cur.isObject()) {
            if (!base.equals(cur)) {
                problems.add(at + ": schema changed from " + base + " to " + cur);
            }
            return;
        }
        Set<String> baseTypes = types(base);
        Set<String> curTypes = types(cur);
        if (!baseTypes.equals(curTypes)) {
            problems.add(at + ": type changed from " + baseTypes + " to " + curTypes);
        }
        for (String keyword : EXACT_KEYWORDS) {
            JsonNode was = base.get(keyword);
            JsonNode now = cur.get(keyword);
            if (was == null ? now != null : !was.equals(now)) {
                problems.add(at + ": " + keyword + " changed from " + was + " to " + now);
            }
        }
        compareEnums(at, base.get("enum"), cur.get("enum"), problems);
        compareRequired(at, base.get("required"), cur.get("required"), problems);
        compareAdditionalProperties(path, base.get("additionalProperties"), cur.get("additionalProperties"),
                problems);
        compareMembers(path + "/properties", base.get("properties"), cur.get("properties"), "property", problems);
        compareMembers(path + "/$defs", base.get("$defs"), cur.get("$defs"), "definition", problems);
        compareSubschema(path + "/items", base.get("items"), cur.get("items"), problems);
        for (String combinator : COMBINATORS) {
            compareList(path + "/" + combinator, base.get(combinator), cur.get(combinator), problems);
        }
    }

    private static void compareEnums(String at, JsonNode was, JsonNode now, List<String> problems) {
        if (now == null) {
            return; // no enum, or an enum dropped: every value is allowed now, which only widens
        }
        if (was == null) {
            problems.add(at + ": enum added " + now);
            return;
        }
        Set<JsonNode> removed = new LinkedHashSet<>();
        was.forEach(removed::add);
        now.forEach(removed::remove);
        if (!removed.isEmpty()) {
            problems.add(at + ": enum narrowed, removed " + removed);
        }
    }

    private static void compareRequired(String at, JsonNode was, JsonNode now, List<String> problems) {
        Set<String> before = strings(was);
        Set<String> after = strings(now);
        for (String field : after) {
            if (!before.contains(field)) {
                problems.add(at + ": required field added: " + field);
            }
        }
        for (String field : before) {
            if (!after.contains(field)) {
                problems.add(at + ": required field removed: " + field);
            }
        }
    }

    private static void compareAdditionalProperties(String path, JsonNode was, JsonNode now,
            List<String> problems) {
        boolean wasOpen = was == null || was.isBoolean() && was.asBoolean();
        if (wasOpen && now != null && !(now.isBoolean() && now.asBoolean())) {
            problems.add((path.isEmpty() ? "/" : path) + ": additional properties newly restricted");
        } else if (was != null && was.isObject()) {
            compareSubschema(path + "/additionalProperties", was, now, problems);
        }
    }

    private static void compareMembers(String path, JsonNode was, JsonNode now, String what,
            List<String> problems) {
        if (was == null) {
            return;
        }
        was.fieldNames().forEachRemaining(name -> {
            JsonNode member = now == null ? null : now.get(name);
            if (member == null) {
                problems.add(path + "/" + name + ": " + what + " removed");
            } else {
                compare(path + "/" + name, was.get(name), member, problems);
            }
        });
    }

    private static void compareSubschema(String path, JsonNode was, JsonNode now, List<String> problems) {
        if (was == null && now == null) {
            return;
        }
        if (was == null || now == null) {
            problems.add(path + ": " + (was == null ? "added" : "removed"));
            return;
        }
        compare(path, was, now, problems);
    }

    private static void compareList(String path, JsonNode was, JsonNode now, List<String> problems) {
        if (was == null && now == null) {
            return;
        }
        if (was == null || now == null || was.size() != now.size()) {
            problems.add(path + ": changed from " + was + " to " + now);
            return;
        }
        for (int i = 0; i < was.size(); i++) {
            compare(path + "/" + i, was.get(i), now.get(i), problems);
        }
    }

    private static Set<String> types(JsonNode schema) {
        return strings(schema.get("type"));
    }

    /** A string or an array of strings as a set; absent is empty. */
    private static Set<String> strings(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
