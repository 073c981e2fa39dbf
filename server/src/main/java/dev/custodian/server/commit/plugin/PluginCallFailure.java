package dev.custodian.server.commit.plugin;

/** A plug-in call that did not give an answer: what happened, for the verdict and the WARN line. */
final class PluginCallFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the call gave no answer. */
    enum Kind {
        /** It threw (anything but CheckUnavailableException) or returned null. */
        THREW,
        /** It did not return within the timeout (its thread was interrupted). */
        TIMED_OUT,
        /** It threw CheckUnavailableException: the job should retry later. */
        UNAVAILABLE,
        /** No plug-in thread could take it (all busy with calls that hang). */
        REJECTED
    }

    private final Kind kind;

    PluginCallFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
