package io.mderesponse.service.deadletter;

import io.mderesponse.service.security.OperatorRoles;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Dead letters of every service, over HTTP: {@code GET /dlq} lists the dead-lettering channels and how many dead
 * letters wait in each; {@code POST /dlq/{channel}/redrive} moves them to the channel's retry topic, which only
 * the channel's consumer group reads. Bearer token with role {@code soc-operator} (or {@code operator.auth=none}
 * for a local run): dead letters carry alert data.
 */
@Path("/dlq")
@RolesAllowed({OperatorRoles.OPERATOR, OperatorRoles.UNAUTHENTICATED_LOCAL})
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private final DeadLetterChannels channels;
    private final DeadLetterRedrive redrive;

    public DeadLetterResource(DeadLetterChannels channels,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.channels = channels;
        this.redrive = new DeadLetterRedrive(kafkaConfig);
    }

    /** One channel as listed. */
    public record ChannelView(String channel, String group, List<String> topics, String deadLetterTopic,
            String retryTopic, long waiting) {
    }

    @GET
    public List<ChannelView> list() {
        return channels.all().values().stream()
                .map(c -> new ChannelView(c.channel(), c.group(), c.topics(), c.deadLetterTopic(),
                        c.retryTopic().orElse(null), redrive.waiting(c)))
                .toList();
    }

    /** Moves up to {@code limit} dead letters (all by default) of the channel to its retry topic. */
    @POST
    @Path("/{channel}/redrive")
    public DeadLetterRedrive.Result redrive(@PathParam("channel") String name,
            @QueryParam("limit") @DefaultValue("9223372036854775807") long limit) {
        DeadLetterChannel channel = channels.channel(name)
                .orElseThrow(() -> new NotFoundException("No dead-lettering channel " + name + "; known: "
                        + channels.all().keySet()));
        if (limit < 1) {
            throw new WebApplicationException(Response.status(400).entity(Map.of("error", "limit must be 1 or more"))
                    .type(MediaType.APPLICATION_JSON).build());
        }
        if (channel.retryTopic().isEmpty()) {
            throw new WebApplicationException(Response.status(409)
                    .entity(Map.of("error", "channel " + name + " reads no retry topic"))
                    .type(MediaType.APPLICATION_JSON).build());
        }
        DeadLetterRedrive.Result result = redrive.redrive(channel, limit);
        LOG.infof("Redrive of channel %s: moved %d dead letters from %s to %s; %d still waiting", name,
                result.moved(), result.deadLetterTopic(), result.retryTopic(), result.waiting());
        return result;
    }
}
