package dev.custodian.server.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the tools report what they read, in words and in JSON. */
final class Inputs {
    /** Where text goes that --json replaces. */
    static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

    private Inputs() {
    }

    /** "3 DICOM files (1.2 MB); 2 files skipped: not DICOM; 1 unreadable". */
    static String summary(DicomInputs in) {
        StringBuilder sb = new StringBuilder();
        sb.append(in.files().size()).append(in.files().size() == 1 ? " DICOM file (" : " DICOM files (")
                .append(megabytes(in.bytes())).append(')');
        if (in.notDicom() > 0) {
            sb.append("; ").append(in.notDicom()).append(in.notDicom() == 1 ? " file" : " files")
                    .append(" skipped: not DICOM");
        }
        if (!in.unreadable().isEmpty()) {
            sb.append("; ").append(in.unreadable().size()).append(" unreadable");
        }
        return sb.toString();
    }

    /** The paths given, and what they held when no DICOM file was found. */
    static String describe(List<Path> paths, DicomInputs in) {
        String given = paths.stream().map(Path::toString).collect(Collectors.joining(" "));
        return given + " (" + in.notDicom() + (in.notDicom() == 1 ? " file" : " files") + " not DICOM, "
                + in.unreadable().size() + " unreadable)";
    }

    /** "3.2 MB", or "12 KB" below a tenth of a megabyte. */
    static String megabytes(long bytes) {
        return bytes < 104_858 ? (bytes + 1023) / 1024 + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** Adds NotDicom and Unreadable to a JSON result. */
    static void addTo(ObjectNode root, DicomInputs in) {
        root.put("NotDicom", in.notDicom());
        var unreadable = root.putArray("Unreadable");
        in.unreadable().forEach(unreadable::add);
    }

    static String pretty(ObjectNode root) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
