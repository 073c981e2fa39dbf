package dev.custodian.net.dimse;

import java.util.function.IntPredicate;

/**
 * Message IDs for requests sent on one association (PS3.7 §9.1.1.1.1: unique among the
 * association's outstanding requests): 1, 2, ... 65535, then from 1 again, skipping IDs that are
 * still outstanding. Thread-safe.
 */
public final class MessageIdGenerator {
    private int last;

    public MessageIdGenerator() {
        this(0);
    }

    /** A generator whose first ID is {@code last + 1} (tests use it to exercise the wrap). */
    public MessageIdGenerator(int last) {
        this.last = Checks.messageId(last, "last Message ID");
    }

    /** The next ID for which {@code inUse} is false. */
    public synchronized int next(IntPredicate inUse) {
        for (int tries = 0; tries < 0xFFFF; tries++) {
            last = last >= 0xFFFF ? 1 : last + 1;
            if (!inUse.test(last)) {
                return last;
            }
        }
        throw new IllegalStateException("All 65535 Message IDs are outstanding");
    }
}
