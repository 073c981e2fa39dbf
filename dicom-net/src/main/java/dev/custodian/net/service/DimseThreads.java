package dev.custodian.net.service;

import dev.custodian.net.ul.AssociationRuntime;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The threads DIMSE runs on, made by the application with names (STYLE habit 7).
 *
 * @param association   reader threads and the ARTIM scheduler of the upper layer
 * @param acceptThreads makes the acceptor's accept thread (servers only)
 * @param workers       for the application's own background work; DIMSE itself no longer uses it
 *                      (requests, data sets included, are performed on the reader thread)
 */
public record DimseThreads(AssociationRuntime association, ThreadFactory acceptThreads, Executor workers) {
    public DimseThreads {
        if (association == null || acceptThreads == null || workers == null) {
            throw new IllegalArgumentException("association runtime, accept threads and workers are required");
        }
    }
}
