package dev.custodian.plugins.backupcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the backup copies of one transaction's instances are: built at open time by one walk of
 * the backup folder, keeping only the UIDs the transaction references (memory bounded by the
 * request, not by the backup).
 */
final class BackupIndex {
    private final Map<String, Path> copies;

    private BackupIndex(Map<String, Path> copies) {
        this.copies = copies;
    }

    /**
     * Walks {@code settings.folder()} for copies of {@code wanted} SOP Instance UIDs.
     *
     * @throws IOException the folder cannot be walked
     */
    static BackupIndex build(BackupSettings settings, Set<String> wanted) throws IOException {
        Map<String, Path> copies = new HashMap<>();
        try (Stream<Path> files = Files.walk(settings.folder(), FileVisitOption.FOLLOW_LINKS)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                if (settings.match() == BackupSettings.Match.FILENAME) {
                    uidOfName(file.getFileName().toString()).filter(wanted::contains)
                            .ifPresent(uid -> copies.putIfAbsent(uid, file));
                } else {
                    indexByHeader(file, wanted, copies);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new BackupIndex(copies);
    }

    private static void indexByHeader(Path file, Set<String> wanted, Map<String, Path> copies) {
        try {
            String uid = MetaHeader.read(file).sopInstanceUid();
            if (wanted.contains(uid)) {
                copies.putIfAbsent(uid, file);
            }
        } catch (IOException e) {
            // not a DICOM file, or damaged: it is the copy of nothing we can name
        }
    }

    /** The copy of {@code sopInstanceUid}, if the walk found one. */
    Optional<Path> copyOf(String sopInstanceUid) {
        return Optional.ofNullable(copies.get(sopInstanceUid));
    }

    int size() {
        return copies.size();
    }

    /**
     * The SOP Instance UID a file name stands for, as DCMTK storescp names files by default
     * ({@code <modality>.<uid>}, e.g. {@code CT.1.2.840.113619.2.5}), bare ({@code 1.2.3}) or with
     * a {@code .dcm} extension.
     */
    static Optional<String> uidOfName(String name) {
        String n = name;
        if (n.toLowerCase(Locale.ROOT).endsWith(".dcm")) {
            n = n.substring(0, n.length() - 4);
        }
        if (!n.isEmpty() && !Character.isDigit(n.charAt(0))) {
            int dot = n.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            n = n.substring(dot + 1);
        }
        return looksLikeUid(n) ? Optional.of(n) : Optional.empty();
    }

    private static boolean looksLikeUid(String s) {
        if (s.isEmpty() || s.length() > 64 || s.startsWith(".") || s.endsWith(".")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
