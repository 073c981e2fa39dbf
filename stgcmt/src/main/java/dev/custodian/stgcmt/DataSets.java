package dev.custodian.stgcmt;

import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.dicom.data.TagFormat;
import dev.custodian.dicom.data.Uids;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.Status;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the Storage Commitment data sets: bounded decoding, UID and sequence access. */
final class DataSets {
    /** Bytes allowed per referenced instance (two UIDs, item and element headers) and for the rest. */
    static final long BYTES_PER_REFERENCE = 512;
    static final long BYTES_FIXED = 64 * 1024;
    private static final DicomReaderOptions OPTIONS = DicomReaderOptions.DEFAULT.withMaxValueLength(64 * 1024)
            .withMaxDepth(4);

    private DataSets() {
    }

    /** The transfer syntax {@code uid}; a syntax the codec cannot read is a processing failure. */
    static TransferSyntax syntax(String uid) throws CommitmentFormatException {
        return TransferSyntax.lookup(uid).orElseThrow(() -> new CommitmentFormatException(Status.PROCESSING_FAILURE,
                CommitmentFormatException.NO_TAG, "Unsupported transfer syntax " + uid));
    }

    /**
     * Decodes a whole data set of at most {@code maxBytes} (a larger one is a resource limitation:
     * a hostile peer cannot make us hold an unbounded data set). Undecodable bytes are a processing
     * failure; other I/O errors (the association ended) propagate.
     */
    static DataSet read(InputStream in, String transferSyntaxUid, long maxBytes, String what)
            throws CommitmentFormatException, IOException {
        return read(in, transferSyntaxUid, maxBytes, what, -1, null);
    }

    /** Checks each item of a streamed sequence; its failure ends the reading. */
    @FunctionalInterface
    interface ItemCheck {
        void item(DataSet owner, DataSet item) throws CommitmentFormatException;
    }

    /**
     * As {@link #read(InputStream, String, long, String)}, passing the items of the top-level
     * sequence {@code streamedTag} to {@code items} as each is read instead of keeping them.
     */
    static DataSet read(InputStream in, String transferSyntaxUid, long maxBytes, String what, int streamedTag,
                        ItemCheck items) throws CommitmentFormatException, IOException {
        TransferSyntax ts = syntax(transferSyntaxUid);
        Limited limited = new Limited(in, maxBytes);
        try {
            DicomReader reader = new DicomReader(limited, ts, OPTIONS);
            if (items != null) {
                reader.streamItems(streamedTag, (owner, item) -> {
                    try {
                        items.item(owner, item);
                    } catch (CommitmentFormatException e) {
                        throw new ItemRefused(e);
                    }
                });
            }
            return reader.readDataSet();
        } catch (ItemRefused e) {
            throw e.refusal;
        } catch (TooLarge e) {
            throw new CommitmentFormatException(Status.RESOURCE_LIMITATION, CommitmentFormatException.NO_TAG,
                    what + " larger than " + maxBytes + " bytes", e);
        } catch (DicomFormatException e) {
            throw new CommitmentFormatException(Status.PROCESSING_FAILURE, CommitmentFormatException.NO_TAG,
                    what + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    static byte[] write(DataSet ds, String transferSyntaxUid) {
        try {
            return DicomWriter.toBytes(ds, TransferSyntax.of(transferSyntaxUid));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /** A required UID: absent or empty → invalid argument value (0115H), with the tag. */
    static String requiredUid(DataSet ds, int tag, String where) throws CommitmentFormatException {
        String value = ds.getString(tag).orElse("");
        if (value.isEmpty()) {
            throw invalid(tag, TagFormat.of(tag) + " missing" + where);
        }
        return checkedUid(value, tag, where);
    }

    static String optionalUid(DataSet ds, int tag, String where) throws CommitmentFormatException {
        String value = ds.getString(tag).orElse("");
        return value.isEmpty() ? null : checkedUid(value, tag, where);
    }

    static String optionalText(DataSet ds, int tag) {
        String value = ds.getString(tag).orElse("");
        return value.isEmpty() ? null : value;
    }

    /** The items of sequence {@code tag}; a non-sequence value is a mistyped argument (0212H). */
    static List<DataSet> sequence(DataSet ds, int tag) throws CommitmentFormatException {
        if (ds.get(tag).isPresent() && !ds.get(tag).get().isSequence()) {
            throw new CommitmentFormatException(Status.MISTYPED_ARGUMENT, tag, TagFormat.of(tag) + " is not a sequence");
        }
        return ds.getSequence(tag);
    }

    /** Referenced SOP Class / Instance UID of item {@code index} of sequence {@code seqTag}. */
    static SopReference reference(DataSet item, int seqTag, int index) throws CommitmentFormatException {
        String sopClass = item.getString(Tag.ReferencedSOPClassUID).orElse("");
        String sopInstance = item.getString(Tag.ReferencedSOPInstanceUID).orElse("");
        try {
            return new SopReference(sopClass, sopInstance); // validates each UID once
        } catch (IllegalArgumentException e) {
            // Only now the message naming the item: a request has up to 100,000 of them.
            String where = " in item " + (index + 1) + " of " + TagFormat.of(seqTag);
            return new SopReference(requiredUid(item, Tag.ReferencedSOPClassUID, where),
                    requiredUid(item, Tag.ReferencedSOPInstanceUID, where));
        }
    }

    static DataSet item(SopReference ref) {
        return new DataSet().setString(Tag.ReferencedSOPClassUID, VR.UI, ref.sopClassUid())
                .setString(Tag.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid());
    }

    static List<DataSet> items(List<SopReference> refs) {
        List<DataSet> items = new ArrayList<>(refs.size());
        refs.forEach(r -> items.add(item(r)));
        return items;
    }

    static CommitmentFormatException invalid(int tag, String message) {
        return new CommitmentFormatException(Status.INVALID_ARGUMENT_VALUE, tag, message);
    }

    static void checkCount(int count, int max, int tag) throws CommitmentFormatException {
        if (count > max) {
            throw new CommitmentFormatException(Status.RESOURCE_LIMITATION, tag,
                    TagFormat.of(tag) + " has " + count + " items, more than the " + max + " allowed");
        }
    }

    private static String checkedUid(String value, int tag, String where) throws CommitmentFormatException {
        String problem = Uids.problem(value);
        if (problem != null) {
            throw invalid(tag, TagFormat.of(tag) + " is not a valid UID" + where + ": " + problem);
        }
        return value;
    }

    /** Carries an item's format failure out of the reader. */
    private static final class ItemRefused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient CommitmentFormatException refusal;

        ItemRefused(CommitmentFormatException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }

    /** Thrown by {@link Limited} when the data set exceeds its bound. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("data set exceeds its size limit");
        }
    }

    /** Fails once more than {@code max} bytes have been read. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long max) {
            super(in);
            this.remaining = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLarge {
            remaining -= n;
            if (remaining < 0) {
                throw new TooLarge();
            }
        }
    }
}
