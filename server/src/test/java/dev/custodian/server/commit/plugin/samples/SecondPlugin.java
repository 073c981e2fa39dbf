package dev.custodian.server.commit.plugin.samples;

import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.StorageCommitmentPlugin;

/** A second well-behaved plug-in, so that two can be loaded at once. */
public final class SecondPlugin implements StorageCommitmentPlugin {
    @Override
    public String name() {
        return "Second";
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) {
        return (sopClassUid, sopInstanceUid) -> CommitmentAnswer.COMMITTED;
    }
}
