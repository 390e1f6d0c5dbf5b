package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.ResponseActionRequested;

/** Reads {@link ResponseActionRequested} ({@code ce_type} defender.response-action.requested.v1); a class of its own so kafka-clients can instantiate it by name. */
public class ResponseActionRequestedDeserializer extends JsonEventDeserializer<ResponseActionRequested> {

    public ResponseActionRequestedDeserializer() {
        super(ResponseActionRequested.class);
    }
}
