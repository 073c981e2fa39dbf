package dev.custodian.net.ul;

import java.io.IOException;

/**
 * A read of {@link Association#dataSet()} found that the data set cannot be completed: the
 * association ended, was aborted or broke the protocol before the last fragment (PS3.8 Annex E).
 * The upper layer has already logged the cause and is closing the association; whoever receives
 * this need not report it again, and no response can be sent.
 */
public final class DataSetInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataSetInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when {@code t} or one of its causes is a {@code DataSetInterruptedException}. */
    public static boolean isCauseOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataSetInterruptedException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
