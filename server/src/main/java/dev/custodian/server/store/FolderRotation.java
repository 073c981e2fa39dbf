package dev.custodian.server.store;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * File identifiers that fill one fan-out folder at a time. The layout stays Orthanc's
 * ({@code <uuid[0..2]>/<uuid[2..4]>/<uuid>}, so the path of any file still follows from its
 * identifier alone), but instead of a random folder per file — a new folder for nearly every file
 * until the archive holds tens of thousands, each one a directory creation and an extra fsync of
 * its parent — {@code filesPerFolder} consecutive files share the first four hex digits of the
 * first one's random UUID. The next batch goes to the folder of a new random UUID, so over time
 * the files still spread evenly over the 65,536 folders. Identifiers keep 106 random bits (the
 * variant and version bits are untouched), and creation is exclusive anyway, so a collision can
 * only fail one write.
 */
final class FolderRotation {
    private final Supplier<UUID> uuids;
    private final int filesPerFolder;
    private String prefix;
    private int used;

    /** @param filesPerFolder how many consecutive files share a folder; 1 keeps each UUID as drawn */
    FolderRotation(Supplier<UUID> uuids, int filesPerFolder) {
        if (filesPerFolder < 1) {
            throw new IllegalArgumentException("filesPerFolder must be >= 1: " + filesPerFolder);
        }
        this.uuids = uuids;
        this.filesPerFolder = filesPerFolder;
    }

    /** The next file identifier: a lower-case UUID whose first four digits name the current folder. */
    synchronized String next() {
        String drawn = uuids.get().toString();
        if (prefix == null || used == filesPerFolder) {
            prefix = drawn.substring(0, 4);
            used = 0;
        }
        used++;
        return prefix + drawn.substring(4);
    }
}
