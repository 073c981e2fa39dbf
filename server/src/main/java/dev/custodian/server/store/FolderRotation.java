package dev.custodian.server.store;

import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * File identifiers that fill fan-out folders a batch at a time. The layout stays Orthanc's
 * ({@code <uuid[0..2]>/<uuid[2..4]>/<uuid>}, so the path of any file still follows from its
 * identifier alone), but instead of a random folder per file — a new folder for nearly every file
 * until the archive holds tens of thousands, each one a directory creation and an extra fsync of
 * its parent — {@code filesPerFolder} consecutive files of a {@link Lane} share the first four hex
 * digits of the first one's random UUID; the lane's next batch goes to the folder of a new random
 * UUID, so over time the files still spread evenly over the 65,536 folders.
 *
 * <p>Files written at the same time take different lanes, hence different folders: on ext4 a
 * directory's fsync must wait for the journal commit of the <em>last</em> change to that
 * directory, so concurrent writers creating files in one folder would keep pushing each other's
 * folder fsync to a later commit (seen: 4 associations into one folder were slower than one
 * folder per file). A lane is taken for one file and given back after it (last given, first
 * taken), so one writer at a time keeps reusing the same folder.
 *
 * <p>Identifiers keep 106 random bits (variant and version bits untouched), and creation is
 * exclusive anyway, so a collision could only fail one write.
 */
final class FolderRotation {
    private final Supplier<UUID> uuids;
    private final int filesPerFolder;
    private final ConcurrentLinkedDeque<Lane> idle = new ConcurrentLinkedDeque<>();

    /** @param filesPerFolder how many consecutive files of a lane share a folder; 1 keeps each UUID as drawn */
    FolderRotation(Supplier<UUID> uuids, int filesPerFolder) {
        if (filesPerFolder < 1) {
            throw new IllegalArgumentException("filesPerFolder must be >= 1: " + filesPerFolder);
        }
        this.uuids = uuids;
        this.filesPerFolder = filesPerFolder;
    }

    /** A lane for one file; {@link Lane#release()} it once the file is committed or aborted. */
    Lane take() {
        Lane lane = idle.pollFirst();
        return lane != null ? lane : new Lane();
    }

    /** Lanes not in use (tests). */
    int idleLanes() {
        return idle.size();
    }

    /** A sequence of folders used by one writer at a time. */
    final class Lane {
        private String prefix;
        private int used;

        private Lane() {
        }

        /** The next file identifier: a lower-case UUID whose first four digits name the lane's folder. */
        String next() {
            String drawn = uuids.get().toString();
            if (prefix == null || used == filesPerFolder) {
                prefix = drawn.substring(0, 4);
                used = 0;
            }
            used++;
            return prefix + drawn.substring(4);
        }

        /** Gives the lane back for the next file (at most once per {@link #take()}). */
        void release() {
            idle.offerFirst(this);
        }
    }
}
