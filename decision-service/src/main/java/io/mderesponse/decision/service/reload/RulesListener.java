package io.mderesponse.decision.service.reload;

/** Told what reloading did, to log it and count it. */
public interface RulesListener {

    /** {@code now} replaced {@code previous} (which is null at start). */
    void activated(ActiveRules.Loaded previous, ActiveRules.Loaded now);

    /** A file was refused; the running rules stay. Called once per distinct refused file. */
    void rejected(ActiveRules.Rejection rejection, ActiveRules.Loaded running);

    /** The refused file is gone: the file at the path is the running one again. */
    void rejectionCleared(ActiveRules.Loaded running);
}
