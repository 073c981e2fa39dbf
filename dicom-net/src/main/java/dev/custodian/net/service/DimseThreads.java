package dev.custodian.net.service;

import dev.custodian.net.ul.AssociationRuntime;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The threads DIMSE runs on, made by the application with names (STYLE habit 7).
 *
 * @param association   reader threads and the ARTIM scheduler of the upper layer
 * @param acceptThreads makes the acceptor's accept thread (servers only)
 * @param workers       performs requests that carry a data set, one at a time per association,
 *                      while the reader streams the data set to it (e.g. a cached pool)
 */
public record DimseThreads(AssociationRuntime association, ThreadFactory acceptThreads, Executor workers) {
    public DimseThreads {
        if (association == null || acceptThreads == null || workers == null) {
            throw new IllegalArgumentException("association runtime, accept threads and workers are required");
        }
    }
}
