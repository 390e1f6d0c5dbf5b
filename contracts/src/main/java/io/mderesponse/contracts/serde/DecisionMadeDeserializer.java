package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.DecisionMade;

/** Reads {@link DecisionMade} ({@code ce_type} defender.decision.made.v1); a class of its own so kafka-clients can instantiate it by name. */
public class DecisionMadeDeserializer extends JsonEventDeserializer<DecisionMade> {

    public DecisionMadeDeserializer() {
        super(DecisionMade.class);
    }
}
