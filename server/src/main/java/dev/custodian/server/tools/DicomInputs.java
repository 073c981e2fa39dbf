package dev.custodian.server.tools;

import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The DICOM files among the files and folders of a command line (folders recursively, in name
 * order), read up to the end of their File Meta Information only (PS3.10 §7.1). A file without
 * the "DICM" prefix is not DICOM and is skipped (counted); a DICOMDIR is skipped too. A file with
 * the prefix whose header cannot be read, or lacks the SOP Class / Instance UIDs, is unreadable:
 * reported, never sent.
 *
 * @param files      the DICOM files, in command-line then name order
 * @param notDicom   how many files were skipped as not DICOM (or DICOMDIR)
 * @param unreadable one line per unreadable file or missing path: "path: why"
 */
record DicomInputs(List<DicomInput> files, int notDicom, List<String> unreadable) {
    /** Media Storage Directory Storage (PS3.10 §8.6, the DICOMDIR): not an instance to send. */
    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
    private static final int PREFIX = 132;

    DicomInputs {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** Scans {@code paths}. */
    static DicomInputs scan(List<Path> paths) {
        List<DicomInput> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int[] notDicom = {0};
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(f -> add(f, files, unreadable, notDicom));
                } catch (IOException | java.io.UncheckedIOException e) {
                    unreadable.add(p + ": cannot list the folder: " + e.getMessage());
                }
            } else {
                add(p, files, unreadable, notDicom);
            }
        }
        return new DicomInputs(files, notDicom[0], unreadable);
    }

    /** Total size of the DICOM files in bytes. */
    long bytes() {
        return files.stream().mapToLong(DicomInput::size).sum();
    }

    private static void add(Path f, List<DicomInput> files, List<String> unreadable, int[] notDicom) {
        try {
            DicomInput in = read(f);
            if (in == null || MEDIA_STORAGE_DIRECTORY.equals(in.sopClassUid())) {
                notDicom[0]++;
            } else {
                files.add(in);
            }
        } catch (NoSuchFileException e) {
            unreadable.add(f + ": no such file or folder");
        } catch (IOException | RuntimeException e) {
            unreadable.add(f + ": not readable as DICOM: " + e.getMessage());
        }
    }

    /** The file's header, or null when it has no "DICM" prefix (with or without preamble). */
    static DicomInput read(Path f) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 8192)) {
            in.mark(PREFIX);
            byte[] head = in.readNBytes(PREFIX);
            in.reset();
            if (!isDicm(head, 128) && !isDicm(head, 0)) {
                return null;
            }
            Part10Header h = new Part10Reader().readHeader(in);
            FileMetaInformation meta = h.meta().orElseThrow(() -> new IOException(
                    "no Media Storage SOP Class / Instance UID in its File Meta Information"));
            return new DicomInput(f, meta.mediaStorageSopClassUid(), meta.mediaStorageSopInstanceUid(),
                    h.transferSyntax().uid(), Files.size(f));
        }
    }

    private static boolean isDicm(byte[] b, int off) {
        return b.length >= off + 4 && b[off] == 'D' && b[off + 1] == 'I' && b[off + 2] == 'C' && b[off + 3] == 'M';
    }
}
