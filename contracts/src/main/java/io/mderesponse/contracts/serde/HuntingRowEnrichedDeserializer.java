package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.HuntingRowEnriched;

/** Reads {@link HuntingRowEnriched} ({@code ce_type} defender.hunting.row-enriched.v1); a class of its own so kafka-clients can instantiate it by name. */
public class HuntingRowEnrichedDeserializer extends JsonEventDeserializer<HuntingRowEnriched> {

    public HuntingRowEnrichedDeserializer() {
        super(HuntingRowEnriched.class);
    }
}
