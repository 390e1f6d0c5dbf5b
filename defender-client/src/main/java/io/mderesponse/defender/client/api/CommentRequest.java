package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the machine actions whose only parameter is the comment: {@code collectInvestigationPackage},
 * {@code restrictCodeExecution}, {@code unrestrictCodeExecution}. Defender's parameter names are case-sensitive.
 */
public record CommentRequest(@JsonProperty("Comment") String comment) {
}
