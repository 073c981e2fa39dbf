package dev.custodian.server.commit.plugin.samples;

import dev.custodian.commit.spi.CommitmentAnswer;
import dev.custodian.commit.spi.CommitmentLookup;
import dev.custodian.commit.spi.CommitmentTransaction;
import dev.custodian.commit.spi.PluginContext;
import dev.custodian.commit.spi.StorageCommitmentPlugin;

/**
 * Commits everything; its name says whether its class loader let it see the server's classes
 * ("Leaky") or only the JDK and the SPI ("CommitAll"), and start records the context it got.
 */
public final class CommitAllPlugin implements StorageCommitmentPlugin {
    public static volatile PluginContext lastContext;

    @Override
    public String name() {
        try {
            Class.forName("dev.custodian.server.config.ConfigLoader", false, getClass().getClassLoader());
            return "Leaky";
        } catch (ClassNotFoundException expected) {
            return "CommitAll";
        }
    }

    @Override
    public void start(PluginContext context) {
        lastContext = context;
    }

    @Override
    public CommitmentLookup open(CommitmentTransaction transaction) {
        return (sopClassUid, sopInstanceUid) -> CommitmentAnswer.COMMITTED;
    }
}
