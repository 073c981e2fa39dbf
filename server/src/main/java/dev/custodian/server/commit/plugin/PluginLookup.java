package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.commit.check.Verdict;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookups of one transaction through a plug-in's {@link CommitmentLookup}. A lookup that
 * throws fails its instance with 0110H; one that hangs fails with 0110H, and so does the rest of
 * its batch; while that call has not returned, later batches fail without asking (a lookup is
 * used by one thread at a time). {@code CheckUnavailableException} becomes an
 * {@link IOException}: the job retries later. One WARN line at close sums the trouble up.
 */
final class PluginLookup implements CommitmentCheck.Lookup {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLookup.class);

    private final PluginCheck check;
    private final CommitmentLookup lookup;
    private final String transaction;
    private final Trouble trouble = new Trouble();
    private BatchCall hung;

    PluginLookup(PluginCheck check, CommitmentLookup lookup, String transaction) {
        this.check = check;
        this.lookup = lookup;
        this.transaction = transaction;
    }

    @Override
    public List<Verdict> check(List<SopReference> batch) throws IOException {
        if (hung != null && !hung.finished()) {
            String why = check.label() + " is still inside a lookup that timed out";
            trouble.notAsked(batch.size(), why);
            return failAll(batch.size(), why);
        }
        hung = null;
        BatchCall call = new BatchCall(lookup, check.loader(), batch);
        PluginCalls calls = check.calls();
        Future<?> future;
        try {
            future = calls.submit(() -> {
                call.run();
                return null;
            });
        } catch (PluginCallFailure e) {
            throw new IOException(check.label() + ": " + e.getMessage(), e);
        }
        int answered;
        try {
            answered = call.await(future, System.nanoTime(), calls.timeout().toNanos());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException(check.label() + ": interrupted while waiting for the plug-in", e);
        }
        if (call.unavailable() != null) {
            throw new IOException(check.label() + " cannot check now: " + call.unavailable().getMessage(),
                    call.unavailable());
        }
        if (answered < batch.size()) {
            hung = call;
        }
        return verdicts(call, batch.size(), answered);
    }

    private List<Verdict> verdicts(BatchCall call, int size, int answered) {
        List<Verdict> verdicts = new ArrayList<>(size);
        for (int i = 0; i < answered; i++) {
            verdicts.add(verdict(call, i));
        }
        if (answered < size) {
            String timedOut = check.label() + " did not answer for " + call.reference(answered).sopInstanceUid()
                    + " within " + check.calls().seconds();
            trouble.timedOut(timedOut);
            verdicts.add(processingFailure(timedOut));
            String notAsked = "not asked: " + timedOut;
            trouble.notAsked(size - answered - 1, notAsked);
            for (int i = answered + 1; i < size; i++) {
                verdicts.add(processingFailure(notAsked));
            }
        }
        return verdicts;
    }

    private Verdict verdict(BatchCall call, int i) {
        CommitmentAnswer answer = call.answer(i);
        if (answer != null) {
            return answer.committed() ? Verdict.COMMITTED
                    : Verdict.failed(FailureReason.of(answer.reason().code()), answer.description());
        }
        String why = call.error(i) == null ? check.label() + " answered null"
                : check.label() + " threw " + call.error(i);
        trouble.threw(why);
        return processingFailure(why);
    }

    static Verdict processingFailure(String description) {
        return Verdict.failed(FailureReason.PROCESSING_FAILURE, description);
    }

    private static List<Verdict> failAll(int size, String description) {
        List<Verdict> verdicts = new ArrayList<>(size);
        Verdict v = processingFailure(description);
        for (int i = 0; i < size; i++) {
            verdicts.add(v);
        }
        return verdicts;
    }

    /** Closes the plug-in's lookup (unless a call still hangs in it) and writes the WARN line, if any. */
    @Override
    public void close() {
        if (hung != null && !hung.finished()) {
            trouble.other("not closed: a lookup still hangs");
        } else {
            try {
                check.calls().call(check.loader(), () -> {
                    lookup.close();
                    return null;
                });
            } catch (PluginCallFailure e) {
                trouble.other("close " + e.getMessage());
            }
        }
        if (trouble.any()) {
            LOG.warn("{}, transaction {}: {}", check.label(), transaction, trouble.summary());
        }
    }
}
