package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.CheckUnavailableException;
import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.stgcmt.SopReference;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One batch of lookups run on a plug-in thread, instance after instance, and the wait for it in
 * which each single lookup gets the full timeout: the waiter gives up only when the call under
 * way has run longer than the timeout (or, before the first call, when the batch waited that long
 * for a thread). An exception fails its instance only; the batch goes on with the next one.
 */
final class BatchCall implements Runnable {
    private record Progress(int index, long startNanos) {}

    private final CommitmentLookup lookup;
    private final ClassLoader loader;
    private final List<SopReference> batch;
    private final CommitmentAnswer[] answers;
    private final Throwable[] errors;
    private volatile Progress progress;
    private volatile int done;
    private volatile boolean finished;
    private volatile CheckUnavailableException unavailable;

    BatchCall(CommitmentLookup lookup, ClassLoader loader, List<SopReference> batch) {
        this.lookup = lookup;
        this.loader = loader;
        this.batch = batch;
        this.answers = new CommitmentAnswer[batch.size()];
        this.errors = new Throwable[batch.size()];
    }

    @Override
    public void run() {
        try {
            PluginCalls.withContextLoader(loader, () -> {
                lookAll();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreachable: lookAll catches everything", e);
        } finally {
            finished = true;
        }
    }

    private void lookAll() {
        for (int i = 0; i < batch.size() && !Thread.currentThread().isInterrupted(); i++) {
            progress = new Progress(i, System.nanoTime());
            SopReference r = batch.get(i);
            try {
                answers[i] = lookup.lookup(r.sopClassUid(), r.sopInstanceUid());
            } catch (CheckUnavailableException e) {
                unavailable = e;
                return;
            } catch (Throwable t) { // a plug-in's error, even an Error, fails its instance, not the thread
                errors[i] = t;
            }
            done = i + 1;
        }
    }

    /**
     * Waits until the batch is done or one lookup overran {@code timeoutNanos}; then interrupts it.
     *
     * @return how many instances, from the first, have an answer or an error
     */
    int await(Future<?> future, long submittedNanos, long timeoutNanos) throws InterruptedException {
        for (;;) {
            Progress p = progress;
            long remaining = (p == null ? submittedNanos : p.startNanos()) + timeoutNanos - System.nanoTime();
            if (remaining <= 0) {
                int answered = done;
                if (p == null || answered <= p.index()) {
                    future.cancel(true);
                    return answered;
                }
                remaining = timeoutNanos; // that call ended; the next one is just starting
            }
            try {
                future.get(remaining, TimeUnit.NANOSECONDS);
                return done;
            } catch (TimeoutException e) {
                // look at the progress again
            } catch (ExecutionException e) {
                return done; // lookAll catches everything; only a cancelled or broken thread gets here
            }
        }
    }

    boolean finished() {
        return finished;
    }

    CheckUnavailableException unavailable() {
        return unavailable;
    }

    CommitmentAnswer answer(int i) {
        return answers[i];
    }

    Throwable error(int i) {
        return errors[i];
    }

    SopReference reference(int i) {
        return batch.get(i);
    }
}
