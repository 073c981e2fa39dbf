package dev.custodian.server.commit.plugin.samples;

import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.PluginContext;
import dev.custodian.commit.spi.StorageCommitmentPlugin;
import java.io.IOException;

/** Cannot start: its settings are missing. */
public final class FailingStartPlugin implements StorageCommitmentPlugin {
    @Override
    public String name() {
        return "FailingStart";
    }

    @Override
    public void start(PluginContext context) throws IOException {
        throw new IOException("settings file " + context.location() + "/x.properties is missing");
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) {
        throw new UnsupportedOperationException();
    }
}
