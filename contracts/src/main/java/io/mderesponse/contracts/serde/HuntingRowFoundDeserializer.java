package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.HuntingRowFound;

/** Reads {@link HuntingRowFound} ({@code ce_type} defender.hunting.row-found.v1); a class of its own so kafka-clients can instantiate it by name. */
public class HuntingRowFoundDeserializer extends JsonEventDeserializer<HuntingRowFound> {

    public HuntingRowFoundDeserializer() {
        super(HuntingRowFound.class);
    }
}
