package dev.custodian.server.dicom;

import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.ul.AssociationRuntime;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named threads of the DICOM side (STYLE habit 7): one reader per association, one ARTIM
 * scheduler, one accept thread, and workers that run the C-STORE of each association while its
 * reader streams the data set. Shared by the SCP and the SCU.
 */
public final class DicomThreads implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("dicom-artim"));
    private final ExecutorService workers = Executors.newCachedThreadPool(named("dicom-worker"));
    private final AssociationRuntime runtime = new AssociationRuntime(named("dicom-assoc"), scheduler);

    public AssociationRuntime runtime() {
        return runtime;
    }

    public ExecutorService workers() {
        return workers;
    }

    public DimseThreads forServer() {
        return new DimseThreads(runtime, named("dicom-accept"), workers);
    }

    /** Stops the workers (waiting up to {@code grace}) and the scheduler. */
    public void close(Duration grace) {
        workers.shutdown();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        scheduler.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
