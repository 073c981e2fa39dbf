package dev.custodian.net.pdu;

/**
 * Maximum length sub-item (51H): the largest P-DATA-TF PDU variable field the sender will
 * receive; 0 means no limit. PS3.8 Annex D.1.
 */
public record MaximumLength(long maximumLength) implements UserInfoItem {

    public MaximumLength {
        if (maximumLength < 0 || maximumLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("maximum length out of 32-bit range: " + maximumLength);
        }
    }

    @Override
    public int itemType() {
        return MAXIMUM_LENGTH;
    }
}
