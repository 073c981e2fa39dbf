package dev.custodian.commit.spi;

import java.nio.file.Path;

/** What Custodian tells a plug-in at {@link StorageCommitmentPlugin#start}. */
public interface PluginContext {
    /**
     * The entry of the {@code Plugins} key the plug-in was loaded from, absolute: its jar, or the
     * folder of jars holding it. A plug-in may keep its own configuration file beside it.
     */
    Path location();

    /** Our AE title ({@code DicomAet}). */
    String localAet();
}
