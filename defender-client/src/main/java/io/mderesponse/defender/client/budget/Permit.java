package io.mderesponse.defender.client.budget;

/** A token taken for one call; give it back when the call has ended, whatever the outcome. */
@FunctionalInterface
public interface Permit {

    /** No budget: nothing to give back. */
    Permit NONE = () -> {
    };

    /** The call ended (answered, failed or timed out): the token returns one window (and one hour) from now. */
    void release();
}
