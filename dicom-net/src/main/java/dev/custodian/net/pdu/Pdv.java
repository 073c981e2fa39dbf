package dev.custodian.net.pdu;

import java.util.Arrays;

/**
 * Presentation data value item of a P-DATA-TF PDU: one fragment of a DIMSE command or data set.
 * PS3.8 §9.3.5.1 and Annex E.2 (message control header: bit 0 command/data, bit 1 last fragment).
 *
 * <p>For speed the array is handed over, not copied: the creator must not modify it afterwards.
 */
public record Pdv(int presentationContextId, boolean command, boolean last, byte[] data) {

    public Pdv {
        Names.presentationContextId(presentationContextId);
        if (data == null) {
            throw new NullPointerException("data");
        }
    }

    /** Length of the PDV item on the wire including its 4-byte length field. */
    public int encodedLength() {
        return 4 + 2 + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.presentationContextId == presentationContextId && p.command == command
                && p.last == last && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return (presentationContextId * 4 + (command ? 2 : 0) + (last ? 1 : 0)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Pdv[pc=" + presentationContextId + (command ? ", command" : ", data") + (last ? ", last" : "")
                + ", " + data.length + " bytes]";
    }
}
