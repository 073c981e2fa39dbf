package dev.custodian.stgcmt;

import dev.custodian.dicom.dict.Uid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Storage Commitment Result (PS3.4 §J.3.3.1.1 Table J.3-2) written item by item from its
 * source, for results too large to hold as a {@link CommitmentReport}: the Event Information is
 * encoded straight to the association in Explicit or Implicit VR Little Endian (the syntaxes the
 * report's presentation context offers, PS3.5 §7.1), sequences and items of undefined length
 * (PS3.5 §7.5.2). Memory is constant in the number of references.
 *
 * @param transactionUid  Transaction UID (0008,1195)
 * @param retrieveAeTitle Retrieve AE Title (0008,0054), null when absent
 * @param committedCount  how many references {@code items} gives as committed
 * @param failedCount     how many it gives as failed
 * @param items           streams both sequences, each in the request's order
 */
public record StreamedReport(String transactionUid, String retrieveAeTitle, long committedCount, long failedCount,
                             Items items) {
    private static final int TRANSACTION_UID = 0x00081195;
    private static final int RETRIEVE_AE_TITLE = 0x00080054;
    private static final int FAILED_SOP_SEQUENCE = 0x00081198;
    private static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    private static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    private static final int FAILURE_REASON = 0x00081197;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    public StreamedReport {
        Values.uid(transactionUid, "Transaction UID (0008,1195)");
        retrieveAeTitle = Values.optionalAeTitle(retrieveAeTitle, "Retrieve AE Title (0008,0054)");
        Objects.requireNonNull(items, "items");
        if (committedCount < 0 || failedCount < 0 || committedCount + failedCount == 0) {
            throw new IllegalArgumentException("A Storage Commitment result references at least one SOP instance");
        }
    }

    /** The references of a result, read on demand (e.g. from database rows). */
    public interface Items {
        /** Calls {@code each} for every committed reference, in order. */
        void committed(Sink<SopReference> each) throws IOException;

        /** Calls {@code each} for every failed reference, in order. */
        void failed(Sink<FailedReference> each) throws IOException;
    }

    /** Receives one item; may fail with the stream it writes to. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(T item) throws IOException;
    }

    /** The same result held in memory. */
    public static StreamedReport of(CommitmentReport report) {
        return new StreamedReport(report.transactionUid(), report.retrieveAeTitle(), report.committed().size(),
                report.failed().size(), new Items() {
                    @Override
                    public void committed(Sink<SopReference> each) throws IOException {
                        for (SopReference r : report.committed()) {
                            each.accept(r);
                        }
                    }

                    @Override
                    public void failed(Sink<FailedReference> each) throws IOException {
                        for (FailedReference f : report.failed()) {
                            each.accept(f);
                        }
                    }
                });
    }

    /** Event Type ID (PS3.4 §J.3.3.1): 1 when every instance is committed, 2 when failures exist. */
    public int eventTypeId() {
        return failedCount == 0 ? StorageCommitment.EVENT_TYPE_SUCCESSFUL : StorageCommitment.EVENT_TYPE_FAILURES_EXIST;
    }

    /**
     * Writes the Event Information in {@code transferSyntaxUid} (Explicit or Implicit VR Little
     * Endian), elements in ascending tag order (PS3.5 §7.1).
     *
     * @throws IllegalArgumentException for another transfer syntax
     */
    public void writeTo(OutputStream out, String transferSyntaxUid) throws IOException {
        boolean explicit;
        if (Uid.ExplicitVRLittleEndian.equals(transferSyntaxUid)) {
            explicit = true;
        } else if (Uid.ImplicitVRLittleEndian.equals(transferSyntaxUid)) {
            explicit = false;
        } else {
            throw new IllegalArgumentException("A streamed result is written in Explicit or Implicit VR Little Endian, not "
                    + transferSyntaxUid);
        }
        Encoder e = new Encoder(out, explicit);
        if (retrieveAeTitle != null) {
            e.text(RETRIEVE_AE_TITLE, "AE", retrieveAeTitle, (byte) ' ');
        }
        e.text(TRANSACTION_UID, "UI", transactionUid, (byte) 0);
        if (failedCount > 0) {
            e.sequenceStart(FAILED_SOP_SEQUENCE);
            items.failed(f -> {
                e.item(f.reference());
                e.us(FAILURE_REASON, f.reason().code());
                e.header(ITEM_DELIMITATION, 0);
            });
            e.header(SEQUENCE_DELIMITATION, 0);
        }
        if (committedCount > 0) {
            e.sequenceStart(REFERENCED_SOP_SEQUENCE);
            items.committed(r -> {
                e.item(r);
                e.header(ITEM_DELIMITATION, 0);
            });
            e.header(SEQUENCE_DELIMITATION, 0);
        }
        out.flush();
    }

    /** Little-endian element writer (PS3.5 §7.1.2 explicit, §7.1.3 implicit). */
    private static final class Encoder {
        private final OutputStream out;
        private final boolean explicit;

        Encoder(OutputStream out, boolean explicit) {
            this.out = out;
            this.explicit = explicit;
        }

        void item(SopReference r) throws IOException {
            header(ITEM, UNDEFINED);
            text(REFERENCED_SOP_CLASS_UID, "UI", r.sopClassUid(), (byte) 0);
            text(REFERENCED_SOP_INSTANCE_UID, "UI", r.sopInstanceUid(), (byte) 0);
        }

        void text(int tag, String vr, String value, byte pad) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            int length = bytes.length + (bytes.length & 1);
            element(tag, vr, length);
            out.write(bytes);
            if ((bytes.length & 1) == 1) {
                out.write(pad);
            }
        }

        void us(int tag, int value) throws IOException {
            element(tag, "US", 2);
            out.write(value & 0xFF);
            out.write((value >>> 8) & 0xFF);
        }

        void sequenceStart(int tag) throws IOException {
            tag(tag);
            if (explicit) {
                out.write('S');
                out.write('Q');
                out.write(0);
                out.write(0);
            }
            int32(UNDEFINED);
        }

        void element(int tag, String vr, int length) throws IOException {
            tag(tag);
            if (explicit) {
                out.write(vr.charAt(0));
                out.write(vr.charAt(1));
                out.write(length & 0xFF);
                out.write((length >>> 8) & 0xFF);
            } else {
                int32(length);
            }
        }

        /** Item and delimitation tags: no VR in either syntax (PS3.5 §7.5). */
        void header(int tag, long length) throws IOException {
            tag(tag);
            int32(length);
        }

        private void tag(int tag) throws IOException {
            int group = tag >>> 16;
            int element = tag & 0xFFFF;
            out.write(group & 0xFF);
            out.write(group >>> 8);
            out.write(element & 0xFF);
            out.write(element >>> 8);
        }

        private void int32(long v) throws IOException {
            out.write((int) (v & 0xFF));
            out.write((int) ((v >>> 8) & 0xFF));
            out.write((int) ((v >>> 16) & 0xFF));
            out.write((int) ((v >>> 24) & 0xFF));
        }
    }
}
