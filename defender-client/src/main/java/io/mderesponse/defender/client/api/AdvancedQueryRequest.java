package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/advancedqueries/run}; Defender's parameter names are case-sensitive. */
public record AdvancedQueryRequest(@JsonProperty("Query") String query) {
}
