package dev.custodian.dicom.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transfer syntax (PS3.5 §10, Annex A): how a data set is encoded. The four native syntaxes
 * are encoded and decoded; every encapsulated syntax of PS3.5 Annex A.4 is passed through — the
 * pixel data stays as fragments, never decoded.
 *
 * @param uid          the Transfer Syntax UID
 * @param name         its name in PS3.6 Annex A
 * @param explicitVr   VR written in each element header (PS3.5 §7.1.2)
 * @param bigEndian    Explicit VR Big Endian (retired, PS3.5 §A.3)
 * @param deflated     the data set is deflated (RFC 1951, no zlib header, PS3.5 §A.5)
 * @param encapsulated pixel data is encapsulated (PS3.5 §A.4)
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);

    private static final Map<String, TransferSyntax> ALL = table();

    public TransferSyntax {
        if (uid == null || uid.isEmpty() || name == null) {
            throw new IllegalArgumentException("uid and name are required");
        }
        if (!explicitVr && (bigEndian || deflated || encapsulated)) {
            throw new IllegalArgumentException("only Explicit VR syntaxes may be big endian, deflated or encapsulated");
        }
    }

    /** The standard transfer syntax with this UID, if there is one (trailing NUL/space ignored). */
    public static Optional<TransferSyntax> lookup(String uid) {
        return uid == null ? Optional.empty() : Optional.ofNullable(ALL.get(strip(uid)));
    }

    /**
     * The standard transfer syntax with this UID.
     *
     * @throws IllegalArgumentException naming the UID if it is not a data set transfer syntax of PS3.5
     */
    public static TransferSyntax of(String uid) {
        return lookup(uid).orElseThrow(() -> new IllegalArgumentException(
                "unknown or unsupported transfer syntax UID '" + uid + "'"));
    }

    /** All standard transfer syntaxes known, in PS3.6 order. */
    public static List<TransferSyntax> all() {
        return List.copyOf(ALL.values());
    }

    /** True for the four syntaxes whose pixel data is native (not encapsulated). */
    public boolean isNative() {
        return !encapsulated;
    }

    private static String strip(String uid) {
        int end = uid.length();
        while (end > 0 && (uid.charAt(end - 1) == 0 || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        return uid.substring(0, end).trim();
    }

    private static Map<String, TransferSyntax> table() {
        Map<String, TransferSyntax> m = new LinkedHashMap<>();
        for (TransferSyntax ts : List.of(IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN,
                DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN)) {
            m.put(ts.uid(), ts);
        }
        // Papyrus 3 Implicit VR Little Endian (retired): encoded like Implicit VR Little Endian.
        m.put("1.2.840.10008.1.20", new TransferSyntax("1.2.840.10008.1.20",
                "Papyrus 3 Implicit VR Little Endian", false, false, false, false));
        // JPIP Referenced (PS3.5 §A.6): pixel data by reference, data set native.
        m.put("1.2.840.10008.1.2.4.94", new TransferSyntax("1.2.840.10008.1.2.4.94", "JPIP Referenced",
                true, false, false, false));
        m.put("1.2.840.10008.1.2.4.95", new TransferSyntax("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate",
                true, false, true, false));
        m.put("1.2.840.10008.1.2.4.204", new TransferSyntax("1.2.840.10008.1.2.4.204",
                "JPIP HTJ2K Referenced", true, false, false, false));
        m.put("1.2.840.10008.1.2.4.205", new TransferSyntax("1.2.840.10008.1.2.4.205",
                "JPIP HTJ2K Referenced Deflate", true, false, true, false));
        // SMPTE ST 2110 (DICOM-RTV): the data set is native Explicit VR Little Endian.
        for (String[] rtv : new String[][] {
            {"1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video"},
            {"1.2.840.10008.1.2.7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video"},
            {"1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio"}}) {
            m.put(rtv[0], new TransferSyntax(rtv[0], rtv[1], true, false, false, false));
        }
        for (String[] e : EncapsulatedSyntaxes.TABLE) {
            m.put(e[0], new TransferSyntax(e[0], e[1], true, false, false, true));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
