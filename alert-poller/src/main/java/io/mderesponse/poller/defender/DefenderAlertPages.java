package io.mderesponse.poller.defender;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.config.DefenderConfig;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.poller.service.AlertPages;
import io.mderesponse.poller.service.PageEntry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Pages of alerts through the typed {@link DefenderClient}. When the typed client finds a page malformed (one
 * alert Defender wrote in a shape the contract refuses would otherwise block the poller forever), the same page
 * is fetched once more as text and read alert by alert: readable alerts go on, the others become dead letters
 * with their raw JSON. An answer that is no list at all is a {@link MalformedAlertListException}.
 */
@ApplicationScoped
public class DefenderAlertPages implements AlertPages {

    private static final Logger LOG = Logger.getLogger(DefenderAlertPages.class);

    private final DefenderClient client;
    private final DefenderConfig config;
    private final ObjectMapper mapper;
    private volatile RawAlertsApi raw;

    public DefenderAlertPages(DefenderClient client, DefenderConfig config, ObjectMapper mapper) {
        this.client = client;
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public List<PageEntry> fetch(AlertQuery query) {
        try {
            return client.listAlerts(query).stream().map(PageEntry::of).toList();
        } catch (DefenderMalformedResponseException e) {
            LOG.warnf("Defender's alert page was malformed (%s); reading it again alert by alert", e.reason());
            String body = raw().listAlerts(query.filter().orElse(null), boxed(query.top()), boxed(query.skip()),
                    query.orderBy().orElse(null), query.expand().orElse(null));
            return read(mapper, body, e.reason());
        }
    }

    /** Reads a raw alert list alert by alert. */
    static List<PageEntry> read(ObjectMapper mapper, String body, String typedReason) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedAlertListException(body, "not JSON: " + e.getOriginalMessage());
        }
        JsonNode values = root == null ? null : root.get("value");
        if (values == null || !values.isArray()) {
            throw new MalformedAlertListException(body == null ? "" : body,
                    "a list answer needs a \"value\" array (" + typedReason + ")");
        }
        List<PageEntry> entries = new ArrayList<>();
        for (JsonNode value : values) {
            String id = value.path("id").isTextual() ? value.get("id").asText() : null;
            Instant updated = instant(value.path("lastUpdateTime"));
            try {
                DefenderAlert alert = value.isObject() ? mapper.treeToValue(value, DefenderAlert.class) : null;
                entries.add(alert == null ? PageEntry.unreadable(id, updated, value.toString(), "not an alert object")
                        : PageEntry.of(alert));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                String reason = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
                entries.add(PageEntry.unreadable(id, updated, value.toString(), String.valueOf(reason)));
            }
        }
        return entries;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private RawAlertsApi raw() {
        RawAlertsApi api = raw;
        if (api == null) {
            synchronized (this) {
                if (raw == null) {
                    raw = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(URI.create(config.api().baseUrl()))
                            .connectTimeout(config.api().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.api().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .build(RawAlertsApi.class);
                }
                api = raw;
            }
        }
        return api;
    }

    private static Integer boxed(java.util.OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
