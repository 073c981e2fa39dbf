package dev.custodian.server.dicom;

import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.ul.AssociationRuntime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named threads of the DICOM side (STYLE habit 7): one reader per association, one ARTIM
 * scheduler and one accept thread; requests (a C-STORE and its data set included) are performed
 * on their association's reader thread. Shared by the SCP and the SCU.
 */
public final class DicomThreads implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("dicom-artim"));
    private final AssociationRuntime runtime = new AssociationRuntime(named("dicom-assoc"), scheduler);

    public AssociationRuntime runtime() {
        return runtime;
    }

    public DimseThreads forServer() {
        return new DimseThreads(runtime, named("dicom-accept"));
    }

    /** Stops the ARTIM scheduler; the reader threads end with their associations. */
    @Override
    public void close() {
        scheduler.shutdownNow();
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
