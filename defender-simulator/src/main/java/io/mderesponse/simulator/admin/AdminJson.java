package io.mderesponse.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Admin bodies accept one object or an array of objects. */
final class AdminJson {

    private AdminJson() {
    }

    static List<JsonNode> objects(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(items::add);
        } else if (body != null) {
            items.add(body);
        }
        if (items.isEmpty() || items.stream().anyMatch(item -> !item.isObject())) {
            throw new IllegalArgumentException("Expected a JSON object or a non-empty array of objects");
        }
        return items;
    }
}
