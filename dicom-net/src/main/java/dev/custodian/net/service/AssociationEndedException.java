package dev.custodian.net.service;

import java.io.IOException;

/**
 * The association ended (released, aborted, or its transport broke) while a request or its data
 * set was still in progress. Whoever ended it has logged why; a request failing because of it is
 * not a failure of the service (see {@link ServiceDispatcher}).
 */
public final class AssociationEndedException extends IOException {
    public AssociationEndedException(String message) {
        super(message);
    }

    /** True when {@code t} or one of its causes is an {@link AssociationEndedException}. */
    static boolean isCause(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < 16; i++, c = c.getCause()) { // a cause chain may loop
            if (c instanceof AssociationEndedException) {
                return true;
            }
        }
        return false;
    }
}
