package dev.custodian.net.pdu;

import java.util.Arrays;
import java.util.Objects;

/**
 * Presentation data value item of a P-DATA-TF PDU: one fragment of a DIMSE command or data set.
 * PS3.8 §9.3.5.1 and Annex E.2 (message control header: bit 0 command/data, bit 1 last fragment).
 *
 * <p>The fragment is the slice {@code buffer[offset, offset + length)}: a decoded PDV shares the
 * array of the PDU it came from, so the data reach the DIMSE layer without a copy (see
 * {@link PduInput} for how long that array holds them). For speed the array is
 * handed over, not copied: neither the creator nor a receiver may modify it.
 */
public record Pdv(int presentationContextId, boolean command, boolean last, byte[] buffer, int offset, int length) {

    public Pdv {
        Names.presentationContextId(presentationContextId);
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    /** A PDV carrying all of {@code data}. */
    public Pdv(int presentationContextId, boolean command, boolean last, byte[] data) {
        this(presentationContextId, command, last, data, 0, data.length);
    }

    /** A copy of the fragment's bytes. */
    public byte[] data() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Length of the PDV item on the wire including its 4-byte length field. */
    public int encodedLength() {
        return 4 + 2 + length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.presentationContextId == presentationContextId && p.command == command
                && p.last == last && Arrays.equals(p.buffer, p.offset, p.offset + p.length,
                buffer, offset, offset + length);
    }

    @Override
    public int hashCode() {
        int h = presentationContextId * 4 + (command ? 2 : 0) + (last ? 1 : 0);
        for (int i = offset; i < offset + length; i++) {
            h = h * 31 + buffer[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "Pdv[pc=" + presentationContextId + (command ? ", command" : ", data") + (last ? ", last" : "")
                + ", " + length + " bytes]";
    }
}
