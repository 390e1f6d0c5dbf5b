package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of Graph's {@code POST /security/runHuntingQuery}: the KQL and the time range it searches, an ISO 8601
 * {@code Timespan} ({@code start/end} here; Graph searches 30 days when it is absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HuntingQueryRequest(@JsonProperty("Query") String query, @JsonProperty("Timespan") String timespan) {
}
