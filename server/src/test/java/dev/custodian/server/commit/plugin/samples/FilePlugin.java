package dev.custodian.server.commit.plugin.samples;

import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.StorageCommitmentPlugin;

/** Takes the name of a built-in check. */
public final class FilePlugin implements StorageCommitmentPlugin {
    @Override
    public String name() {
        return "File";
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) {
        throw new UnsupportedOperationException();
    }
}
