package dev.custodian.server.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * A small file in {@code IndexDirectory} saying whether the previous run stopped cleanly:
 * {@code running <epoch-ms>} while the server runs, {@code clean} after an orderly stop. After an
 * unclean stop, only files written since that run started can lack their index rows, which
 * bounds the recovery scan (see {@link dev.custodian.server.index.Recovery}).
 */
final class RunMarker {
    static final String FILE = "custodian-run-state";
    private static final String CLEAN = "clean";
    private static final String RUNNING = "running ";

    private final Path file;

    RunMarker(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /**
     * Empty after a clean stop; the start of the interrupted run after a crash; {@link Instant#MIN}
     * when there is no marker (first start, or an older version: everything is checked once).
     */
    Optional<Instant> uncleanRunStart() throws IOException {
        if (!Files.exists(file)) {
            return Optional.of(Instant.MIN);
        }
        String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (s.equals(CLEAN)) {
            return Optional.empty();
        }
        if (s.startsWith(RUNNING)) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s.substring(RUNNING.length()).trim())));
            } catch (NumberFormatException e) {
                return Optional.of(Instant.MIN);
            }
        }
        return Optional.of(Instant.MIN);
    }

    void running(Instant since) throws IOException {
        write(RUNNING + since.toEpochMilli());
    }

    void clean() throws IOException {
        write(CLEAN);
    }

    /** Written to a temporary file, fsynced, renamed: the marker is always one whole state. */
    private void write(String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
