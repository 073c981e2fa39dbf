package dev.custodian.plugins.backupcheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The plug-in's configuration, read from {@value #FILE_NAME} beside the plug-in jar (or in the
 * plug-in folder named in Custodian's {@code Plugins} key):
 *
 * <pre>
 * # required: the root of the backup copies; relative paths are relative to this file's folder
 * folder = /mnt/backup/dicom
 * # optional: how a copy is found — "filename" (default): files named by SOP Instance UID, as
 * # DCMTK storescp writes them by default (CT.1.2.3..., 1.2.3, 1.2.3.dcm), in any sub-folder;
 * # "header": every file's Part 10 header is read (any naming, slower on large trees)
 * match = filename
 * </pre>
 */
record BackupSettings(Path folder, Match match) {
    static final String FILE_NAME = "backup-check.properties";
    private static final Set<String> KEYS = Set.of("folder", "match");

    /** How copies are found in the folder. */
    enum Match { FILENAME, HEADER }

    BackupSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(match, "match");
    }

    /** The settings file for a plug-in loaded from {@code location} (a jar or a folder). */
    static Path fileFor(Path location) {
        Path folder = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
        return folder.resolve(FILE_NAME);
    }

    /** Reads {@code file}; the message of the exception names the file and the bad key. */
    static BackupSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IOException(file + ": unknown key \"" + key + "\" (known: folder, match)");
            }
        }
        String folder = p.getProperty("folder", "").trim();
        if (folder.isEmpty()) {
            throw new IOException(file + ": key \"folder\" is required (the root of the backup copies)");
        }
        Path resolved;
        try {
            resolved = file.toAbsolutePath().getParent().resolve(folder).normalize();
        } catch (InvalidPathException e) {
            throw new IOException(file + ": key \"folder\" is not a valid path: " + e.getMessage(), e);
        }
        return new BackupSettings(resolved, match(file, p.getProperty("match", "filename")));
    }

    private static Match match(Path file, String value) throws IOException {
        try {
            return Match.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": key \"match\" must be filename or header, got \"" + value + "\"", e);
        }
    }
}
