package dev.custodian.net.service;

import dev.custodian.net.ul.AssociationRuntime;
import java.util.concurrent.ThreadFactory;

/**
 * The threads DIMSE runs on, made by the application with names (STYLE habit 7).
 *
 * @param association   reader threads and the ARTIM scheduler of the upper layer
 * @param acceptThreads makes the acceptor's accept thread (servers only)
 *
 * <p>There is no worker pool: requests, data sets included, are performed on the association's
 * reader thread.
 */
public record DimseThreads(AssociationRuntime association, ThreadFactory acceptThreads) {
    public DimseThreads {
        if (association == null || acceptThreads == null) {
            throw new IllegalArgumentException("association runtime and accept threads are required");
        }
    }
}
