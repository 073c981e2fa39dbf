package dev.custodian.server.dicom;

import dev.custodian.net.dimse.DimseSession;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The associations of this node's {@code DicomPort} that are open and have stored at least one
 * instance, by calling AE: what the Storage Commitment in-flight grace waits for (a modality may
 * send its N-ACTION while its last images are still arriving on another association).
 * Thread-safe; fed by {@link ArchiveScp}.
 */
public final class StoringAssociations {
    private final Map<DimseSession, Entry> open = new ConcurrentHashMap<>();

    private record Entry(String callingAet, AtomicBoolean stored, CompletableFuture<Void> closed) {}

    void opened(DimseSession session, String callingAet) {
        open.put(session, new Entry(callingAet, new AtomicBoolean(), new CompletableFuture<>()));
    }

    void stored(DimseSession session) {
        Entry e = open.get(session);
        if (e != null) {
            e.stored().set(true);
        }
    }

    void closed(DimseSession session) {
        Entry e = open.remove(session);
        if (e != null) {
            e.closed().complete(null);
        }
    }

    /**
     * Completes when every association from {@code callingAet} that is open now and has stored an
     * instance, other than {@code except} (the request's own, which may be null), has ended;
     * already complete when there is none.
     */
    public CompletableFuture<Void> whenStoresEnd(String callingAet, DimseSession except) {
        List<CompletableFuture<Void>> pending = open.entrySet().stream()
                .filter(e -> e.getKey() != except && e.getValue().callingAet().equals(callingAet)
                        && e.getValue().stored().get())
                .map(e -> e.getValue().closed()).toList();
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }
}
