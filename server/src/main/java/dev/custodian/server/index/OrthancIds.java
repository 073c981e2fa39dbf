package dev.custodian.server.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Orthanc's public identifiers (Orthanc Book, "Orthanc identifiers"): the SHA-1 of the DICOM
 * identifiers of the resource and its ancestors joined with '|', written as five groups of
 * eight lower-case hex digits joined with '-'.
 */
public final class OrthancIds {
    private OrthancIds() {}

    public static String patient(String patientId) {
        return hash(patientId);
    }

    public static String study(String patientId, String studyInstanceUid) {
        return hash(patientId + "|" + studyInstanceUid);
    }

    public static String series(String patientId, String studyInstanceUid, String seriesInstanceUid) {
        return hash(patientId + "|" + studyInstanceUid + "|" + seriesInstanceUid);
    }

    public static String instance(String patientId, String studyInstanceUid, String seriesInstanceUid,
                                  String sopInstanceUid) {
        return hash(patientId + "|" + studyInstanceUid + "|" + seriesInstanceUid + "|" + sopInstanceUid);
    }

    /** SHA-1 of the UTF-8 bytes, formatted {@code xxxxxxxx-xxxxxxxx-xxxxxxxx-xxxxxxxx-xxxxxxxx}. */
    static String hash(String text) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        String hex = HexFormat.of().formatHex(digest);
        StringBuilder out = new StringBuilder(44);
        for (int i = 0; i < 40; i += 8) {
            if (i > 0) {
                out.append('-');
            }
            out.append(hex, i, i + 8);
        }
        return out.toString();
    }

    /** True for a string shaped like a public identifier (safe to use as a lookup key). */
    public static boolean isWellFormed(String id) {
        return id != null && id.matches("[0-9a-f]{8}(-[0-9a-f]{8}){4}");
    }
}
