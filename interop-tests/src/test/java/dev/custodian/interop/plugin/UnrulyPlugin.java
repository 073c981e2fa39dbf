package dev.custodian.interop.plugin;

import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.StorageCommitmentPlugin;

/**
 * The plug-in a site hopes never to install, packed into a jar by the test: its lookup throws for
 * SOP Instance UIDs ending in ".2.3", hangs (until interrupted) for those ending in ".3.3", and
 * commits the others.
 */
public final class UnrulyPlugin implements StorageCommitmentPlugin {
    @Override
    public String name() {
        return "Unruly";
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) {
        return (sopClassUid, sopInstanceUid) -> {
            if (sopInstanceUid.endsWith(".2.3")) {
                throw new IllegalStateException("Unruly cannot make sense of " + sopInstanceUid);
            }
            if (sopInstanceUid.endsWith(".3.3")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            return CommitmentAnswer.COMMITTED;
        };
    }
}
