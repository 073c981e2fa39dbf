package dev.custodian.server.commit.plugin;

import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.InstanceReference;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import dev.custodian.server.commit.check.CheckedTransaction;
import dev.custodian.server.commit.check.CommitmentCheck;
import dev.custodian.server.commit.check.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StorageCommitmentPlugin} as a {@link CommitmentCheck}: the transaction is passed as
 * plain values, every plug-in call runs on {@link PluginCalls}. If the plug-in's factory throws or
 * hangs, every instance of the transaction fails with 0110H (one WARN line); if it throws
 * {@code CheckUnavailableException}, {@link #open} throws {@link IOException} and the job retries.
 */
public final class PluginCheck implements CommitmentCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCheck.class);

    private final StorageCommitmentPlugin plugin;
    private final ClassLoader loader;
    private final Path location;
    private final PluginCalls calls;

    PluginCheck(StorageCommitmentPlugin plugin, ClassLoader loader, Path location, PluginCalls calls) {
        this.plugin = plugin;
        this.loader = loader;
        this.location = location;
        this.calls = calls;
    }

    @Override
    public String name() {
        return plugin.name();
    }

    /** The {@code Plugins} entry this check came from. */
    public Path location() {
        return location;
    }

    @Override
    public Lookup open(CheckedTransaction transaction) throws IOException {
        CommitmentTransaction plain = plain(transaction);
        String label = "transaction " + transaction.transactionUid() + " (job " + transaction.jobId() + ")";
        CommitmentLookup lookup;
        try {
            lookup = calls.call(loader, () -> plugin.open(plain));
        } catch (PluginCallFailure e) {
            if (e.kind() == PluginCallFailure.Kind.UNAVAILABLE || e.kind() == PluginCallFailure.Kind.REJECTED) {
                throw new IOException(label() + " cannot check now: " + e.getMessage(), e);
            }
            return failedOpen(label, transaction.count(), e.getMessage());
        }
        if (lookup == null) {
            return failedOpen(label, transaction.count(), "returned no lookup (null)");
        }
        return new PluginLookup(this, lookup, transaction.transactionUid() + " (job " + transaction.jobId() + ")");
    }

    private Lookup failedOpen(String transaction, int count, String why) {
        String description = label() + " could not open the transaction: " + why;
        LOG.warn("{}, {}: all {} instance(s) fail with 0110H: {}", label(), transaction, count, description);
        Verdict verdict = PluginLookup.processingFailure(description);
        return batch -> {
            List<Verdict> verdicts = new ArrayList<>(batch.size());
            batch.forEach(r -> verdicts.add(verdict));
            return verdicts;
        };
    }

    private static CommitmentTransaction plain(CheckedTransaction t) {
        return new CommitmentTransaction(t.jobId(), t.transactionUid(), t.remoteAet(), t.calledAet(), t.count(),
                each -> t.references().forEach(r -> each.accept(
                        new InstanceReference(r.sopClassUid(), r.sopInstanceUid()))));
    }

    String label() {
        return "plug-in " + plugin.name();
    }

    ClassLoader loader() {
        return loader;
    }

    PluginCalls calls() {
        return calls;
    }

    @Override
    public String toString() {
        return label() + " from " + location;
    }
}
