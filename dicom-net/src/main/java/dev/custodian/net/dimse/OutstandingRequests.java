package dev.custodian.net.dimse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The requests sent on one association and not yet answered, keyed by Message ID, bounded by
 * the asynchronous operations window (PS3.7 §D.3.3.3: maximum number of operations invoked).
 */
final class OutstandingRequests {
    /** One request waiting for its response. */
    record Entry(DimseRequest request, CompletableFuture<DimseResponse> response) {
    }

    private final Map<Integer, Entry> byId = new ConcurrentHashMap<>();
    private final Semaphore window;

    /** @param maxInvoked the window, 0 for unlimited */
    OutstandingRequests(int maxInvoked) {
        this.window = new Semaphore(maxInvoked == 0 ? Integer.MAX_VALUE : maxInvoked, true);
    }

    /** Waits up to {@code timeoutMillis} for room in the window; false when none came. */
    boolean acquire(long timeoutMillis) throws InterruptedException {
        return window.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Gives back a slot taken by {@link #acquire} that was not used by {@link #add}. */
    void releaseSlot() {
        window.release();
    }

    boolean contains(int messageId) {
        return byId.containsKey(messageId);
    }

    /** Registers a request whose slot was acquired; the slot is freed when it is removed. */
    void add(DimseRequest request, CompletableFuture<DimseResponse> response) {
        byId.put(request.messageId(), new Entry(request, response));
    }

    /** Removes and returns the entry of {@code messageId}, freeing its slot; null if none. */
    Entry remove(int messageId) {
        Entry e = byId.remove(messageId);
        if (e != null) {
            window.release();
        }
        return e;
    }

    /** Removes the entry of {@code messageId} only if it holds {@code response}. */
    void removeIfSame(int messageId, CompletableFuture<DimseResponse> response) {
        Entry e = byId.get(messageId);
        if (e != null && e.response() == response && byId.remove(messageId, e)) {
            window.release();
        }
    }

    int size() {
        return byId.size();
    }

    /** A future completed when every request outstanding now has its answer (or failed). */
    CompletableFuture<Void> allDone() {
        return CompletableFuture.allOf(byId.values().stream().map(Entry::response)
                .map(f -> f.handle((r, t) -> null)).toArray(CompletableFuture[]::new));
    }

    /** Fails every outstanding request with {@code cause} (the association ended). */
    void failAll(IOException cause) {
        for (Integer id : byId.keySet()) {
            Entry e = remove(id);
            if (e != null) {
                e.response().completeExceptionally(cause);
            }
        }
    }
}
