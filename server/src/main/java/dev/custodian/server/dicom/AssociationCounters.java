package dev.custodian.server.dicom;

import java.util.concurrent.atomic.AtomicLong;

/** What happened on one association, for its closing log line. Thread-safe. */
public final class AssociationCounters {
    private final String remoteHost;
    private final long openedNanos;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();

    public AssociationCounters(String remoteHost, long openedNanos) {
        this.remoteHost = remoteHost;
        this.openedNanos = openedNanos;
    }

    public String remoteHost() {
        return remoteHost;
    }

    void stored() {
        stored.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    void echoed() {
        echoes.incrementAndGet();
    }

    public long storedCount() {
        return stored.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long echoCount() {
        return echoes.get();
    }

    /** "12 stored, 1 failed, 0 echoes in 345 ms". */
    String summary(long nowNanos) {
        return stored.get() + " stored, " + failed.get() + " failed, " + echoes.get() + " echoes in "
                + (nowNanos - openedNanos) / 1_000_000 + " ms";
    }
}
