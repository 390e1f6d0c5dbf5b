package io.mderesponse.simulator.odata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The OData envelopes of API answers: {@code @odata.context} and collections with {@code value}. */
public final class ODataJson {

    private static final String METADATA = "https://api.securitycenter.microsoft.com/api/$metadata#";

    public static final String ALERTS = METADATA + "Alerts";
    public static final String ALERT = METADATA + "Alerts/$entity";
    public static final String MACHINES = METADATA + "Machines";
    public static final String MACHINE = METADATA + "Machines/$entity";
    public static final String MACHINE_ACTIONS = METADATA + "MachineActions";
    public static final String MACHINE_ACTION = METADATA + "MachineActions/$entity";
    /** A single string answer (the investigation package's URI). */
    public static final String EDM_STRING = METADATA + "Edm.String";

    /** Content type of successful answers, as observed on the real API. */
    public static final String CONTENT_TYPE =
            "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";

    private ODataJson() {
    }

    /** A list answer. */
    @JsonPropertyOrder({"@odata.context", "@odata.count", "value", "@odata.nextLink"})
    public record Collection(
            @JsonProperty("@odata.context") String context,
            @JsonProperty("@odata.count") @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
            @JsonProperty("value") List<?> value,
            @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink) {
    }

    /** A list answer for this page, with a next link when more results follow. */
    public static Collection collection(String context, ODataQuery query, QueryResults.Page<?> page, UriInfo uri) {
        String nextLink = page.more() ? nextLink(uri, query.skip() + page.items().size()) : null;
        return new Collection(context, query.count() ? page.matched() : null, page.items(), nextLink);
    }

    /** The request's own URL with {@code $skip} replaced, written as clients expect to find it. */
    private static String nextLink(UriInfo uri, int skip) {
        String raw = uri.getRequestUri().getRawQuery();
        String kept = raw == null ? "" : Arrays.stream(raw.split("&"))
                .filter(p -> !p.startsWith("$skip=") && !p.startsWith("%24skip="))
                .collect(Collectors.joining("&"));
        return uri.getAbsolutePath() + "?" + (kept.isEmpty() ? "" : kept + "&") + "$skip=" + skip;
    }

    /** One entity with its context first, as the real API writes it. */
    public static ObjectNode entity(ObjectMapper mapper, String context, Object entity) {
        ObjectNode node = mapper.createObjectNode();
        node.put("@odata.context", context);
        node.setAll((ObjectNode) mapper.valueToTree(entity));
        return node;
    }
}
