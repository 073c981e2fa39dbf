package dev.custodian.net.pdu;

import java.util.Arrays;

/**
 * SOP class common extended negotiation sub-item (57H). PS3.7 Annex D.3.3.6. Kept as the opaque
 * item value: we never act on it, but tolerate and re-encode it.
 */
public record SopClassCommonExtendedNegotiation(byte[] value) implements UserInfoItem {

    public SopClassCommonExtendedNegotiation {
        value = value.clone();
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("item value longer than 65535 bytes");
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public int itemType() {
        return SOP_CLASS_COMMON_EXTENDED_NEGOTIATION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SopClassCommonExtendedNegotiation e && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SopClassCommonExtendedNegotiation[" + value.length + " bytes]";
    }
}
