package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.ResponseActionCompleted;

/** Reads {@link ResponseActionCompleted} ({@code ce_type} defender.response-action.completed.v1); a class of its own so kafka-clients can instantiate it by name. */
public class ResponseActionCompletedDeserializer extends JsonEventDeserializer<ResponseActionCompleted> {

    public ResponseActionCompletedDeserializer() {
        super(ResponseActionCompleted.class);
    }
}
