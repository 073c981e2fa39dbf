package dev.custodian.net.pdu;

import java.util.Arrays;

/** A user information sub-item of a type this implementation does not know; kept verbatim. */
public record UnknownUserInfoItem(int itemType, byte[] value) implements UserInfoItem {

    public UnknownUserInfoItem {
        if (itemType < 0 || itemType > 255) {
            throw new IllegalArgumentException("item type out of range: " + itemType);
        }
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
    public boolean equals(Object o) {
        return o instanceof UnknownUserInfoItem u && u.itemType == itemType && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return itemType * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("UnknownUserInfoItem[%02XH, %d bytes]", itemType, value.length);
    }
}
