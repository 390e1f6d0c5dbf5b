package io.mderesponse.response.service;

import io.mderesponse.response.state.ActionRequest;

/**
 * The Defender comment of a request always carries its request id, so the action a lost call started can be
 * recognised in Defender's list. decision-service writes {@code [request <uuid>]}; a comment without the id gets
 * it appended.
 */
public final class RequestComments {

    private RequestComments() {
    }

    public static String of(ActionRequest request) {
        String id = request.requestId().toString();
        String comment = request.comment();
        return comment.contains(id) ? comment : comment + " [request " + id + "]";
    }

    /** Whether an action's comment names the request. */
    public static boolean names(String requestorComment, ActionRequest request) {
        return requestorComment != null && requestorComment.contains(request.requestId().toString());
    }
}
