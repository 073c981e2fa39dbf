package dev.custodian.net.ul;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Threads an association uses, made by the application (named, see STYLE habit 7).
 *
 * @param readerThreads makes the one reader thread of each association
 * @param scheduler     runs ARTIM expiries; shared by all associations
 */
public record AssociationRuntime(ThreadFactory readerThreads, ScheduledExecutorService scheduler) {

    public AssociationRuntime {
        Objects.requireNonNull(readerThreads, "readerThreads");
        Objects.requireNonNull(scheduler, "scheduler");
    }
}
