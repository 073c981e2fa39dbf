package dev.custodian.dicom.data;

/**
 * Value Representations, PS3.5 §6.2 (table 6.2-1), with the encoding facts the codec needs:
 * whether the explicit VR header uses a 4-byte length (PS3.5 §7.1.2), the padding byte for odd
 * lengths (PS3.5 §6.2: space for text, NUL for UI and binary), and the fixed element size of
 * binary numeric VRs.
 */
public enum VR {
    AE(Kind.TEXT, false, 0), AS(Kind.TEXT, false, 0), AT(Kind.BINARY, false, 4),
    CS(Kind.TEXT, false, 0), DA(Kind.TEXT, false, 0), DS(Kind.TEXT, false, 0),
    DT(Kind.TEXT, false, 0), FD(Kind.BINARY, false, 8), FL(Kind.BINARY, false, 4),
    IS(Kind.TEXT, false, 0), LO(Kind.TEXT, false, 0), LT(Kind.TEXT, false, 0),
    OB(Kind.BINARY, true, 1), OD(Kind.BINARY, true, 8), OF(Kind.BINARY, true, 4),
    OL(Kind.BINARY, true, 4), OV(Kind.BINARY, true, 8), OW(Kind.BINARY, true, 2),
    PN(Kind.TEXT, false, 0), SH(Kind.TEXT, false, 0), SL(Kind.BINARY, false, 4),
    SQ(Kind.SEQUENCE, true, 0), SS(Kind.BINARY, false, 2), ST(Kind.TEXT, false, 0),
    SV(Kind.BINARY, true, 8), TM(Kind.TEXT, false, 0), UC(Kind.TEXT, true, 0),
    UI(Kind.TEXT, false, 0), UL(Kind.BINARY, false, 4), UN(Kind.BINARY, true, 1),
    UR(Kind.TEXT, true, 0), US(Kind.BINARY, false, 2), UT(Kind.TEXT, true, 0),
    UV(Kind.BINARY, true, 8);

    /** How a value of this VR is stored. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[1 << 16];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final boolean longLength;
    private final int unitSize;
    private final int code;

    VR(Kind kind, boolean longLength, int unitSize) {
        this.kind = kind;
        this.longLength = longLength;
        this.unitSize = unitSize;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The two ASCII characters as a big-endian 16-bit value, as they appear on the wire. */
    public int code() {
        return code;
    }

    /** The VR whose two-character code is {@code code}, or {@code null} if there is none. */
    public static VR ofCode(int code) {
        return code < 0 || code > 0xFFFF ? null : BY_CODE[code];
    }

    /** The VR named {@code name} (e.g. "PN"), or {@code null} if there is none. */
    public static VR of(String name) {
        return name == null || name.length() != 2 ? null : ofCode((name.charAt(0) << 8) | name.charAt(1));
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /**
     * True when the Explicit VR encoding has 2 reserved bytes and a 32-bit length
     * (PS3.5 §7.1.2, table 7.1-1); false for the 16-bit length form.
     */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Size in bytes of one binary value (1 for OB/UN); 0 for text and sequences. */
    public int unitSize() {
        return unitSize;
    }

    /** Byte used to pad a value to even length: NUL for UI and binary VRs, space for text. */
    public byte paddingByte() {
        return kind == Kind.TEXT && this != UI ? (byte) ' ' : 0;
    }

    /** True for VRs whose value is subject to Specific Character Set (0008,0005), PS3.5 §6.1.2.3. */
    public boolean usesSpecificCharacterSet() {
        return this == SH || this == LO || this == ST || this == LT || this == UC || this == UT || this == PN;
    }

    /** True for VRs whose byte order depends on the transfer syntax (PS3.5 §7.3). */
    public boolean isByteOrderSensitive() {
        return kind == Kind.BINARY && unitSize > 1;
    }
}
