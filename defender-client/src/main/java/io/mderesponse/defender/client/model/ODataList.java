package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A list answer of the API: {@code {"value":[...]}}.
 *
 * @param nextLink Defender's {@code @odata.nextLink}; kept for logs only, never followed: it is undocumented for
 *     this API and reported to be malformed or looping, so callers page with {@code $top}/{@code $skip}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ODataList<T>(List<T> value, @JsonProperty("@odata.nextLink") String nextLink) {
}
