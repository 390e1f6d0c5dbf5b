package io.mderesponse.testsupport.defender;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One call the simulator received, from {@code GET /admin/calls}.
 *
 * @param time when it arrived
 * @param query the raw (still encoded) query string, or null
 * @param family {@code alerts}, {@code machines}, {@code machineactions}, {@code isolate}, {@code advancedqueries},
 *     {@code graphhunting}, {@code token} or {@code other}
 * @param status the status it got, or null if none was sent (a hang)
 * @param body the request body; the client secret of token calls is masked
 * @param authorized whether its bearer token was accepted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulatorCall(Instant time, String method, String path, String query, String family, Integer status,
        String body, boolean authorized) {
}
