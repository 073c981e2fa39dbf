package dev.custodian.net.pdu;

/**
 * Limits the {@link PduReader} enforces before it allocates anything.
 *
 * @param maxPDataLength      largest P-DATA-TF variable field accepted: what we announce as our
 *                            maximum length (PS3.8 Annex D.1)
 * @param maxAssociateLength  largest A-ASSOCIATE-RQ/AC variable field accepted
 * @param maxItems            most items (presentation contexts, transfer syntaxes, user information
 *                            sub-items, PDVs) accepted in one PDU
 */
public record PduLimits(int maxPDataLength, int maxAssociateLength, int maxItems) {

    /** 16 KiB-ish P-DATA (DCMTK's default), 1 MiB associate PDUs, 4096 items. */
    public static final PduLimits DEFAULT = new PduLimits(16_384, 1 << 20, 4096);

    public PduLimits {
        if (maxPDataLength < 8 || maxAssociateLength < 68 || maxItems < 1) {
            throw new IllegalArgumentException("limits too small: " + maxPDataLength + ", " + maxAssociateLength
                    + ", " + maxItems);
        }
    }
}
