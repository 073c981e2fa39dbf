package dev.custodian.dicom.codec;

import dev.custodian.dicom.data.BinaryValue;
import dev.custodian.dicom.data.BulkData;
import dev.custodian.dicom.data.DataElement;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.Fragments;
import dev.custodian.dicom.data.InlineBytes;
import dev.custodian.dicom.data.Sequence;
import dev.custodian.dicom.data.VR;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a data set in a transfer syntax (PS3.5 §7, §10): Implicit VR Little Endian, Explicit VR
 * Little and Big Endian (binary values byte swapped, §7.3), Deflated (§A.5), and the encapsulated
 * syntaxes, whose pixel data must be {@link Fragments} (§A.4). Values are padded to even length
 * (§7.1.1). A text or short-length value longer than 65534 bytes is written with VR UN in Explicit
 * VR, as PS3.5 §6.2.2 allows. The output stream is flushed, never closed.
 */
public final class DicomWriter {
    private final OutputStream target;
    private final TransferSyntax ts;
    private final DicomWriterOptions opt;
    private final Map<DataSet, Long> itemLengths = new IdentityHashMap<>();
    private final byte[] hdr = new byte[12];
    private OutputStream out;

    public DicomWriter(OutputStream out, TransferSyntax ts, DicomWriterOptions options) {
        this.target = out;
        this.ts = ts;
        this.opt = options;
    }

    /** Encodes {@code ds} in {@code ts} with default options. */
    public static byte[] toBytes(DataSet ds, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DicomWriter(bytes, ts, DicomWriterOptions.DEFAULT).writeDataSet(ds);
        return bytes.toByteArray();
    }

    /** Writes the elements of {@code ds}; may be called once per data set stream (deflate ends the stream). */
    public void writeDataSet(DataSet ds) throws IOException {
        itemLengths.clear();
        Deflater deflater = null;
        DeflaterOutputStream deflating = null;
        if (ts.deflated()) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflating = new DeflaterOutputStream(new NonClosing(target), deflater, 65536);
            out = new BufferedOutputStream(deflating, 65536);
        } else if (target instanceof ByteArrayOutputStream) {
            // already in memory: a 64 KiB buffer would only be allocated and zeroed per call
            // (one per DIMSE command set encoded through toBytes)
            out = target;
        } else {
            out = new BufferedOutputStream(new NonClosing(target), 65536);
        }
        try {
            writeElements(ds, 0);
            out.flush();
            if (deflating != null) {
                deflating.finish();
                deflating.flush();
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    private boolean skipped(DataElement e) {
        return !opt.keepGroupLengths() && (e.tag() & 0xFFFF) == 0;
    }

    private void writeElements(DataSet ds, int depth) throws IOException {
        for (DataElement e : ds.elements()) {
            if (!skipped(e)) {
                writeElement(e, depth);
            }
        }
    }

    private void writeElement(DataElement e, int depth) throws IOException {
        if (e.value() instanceof Sequence s) {
            writeSequence(e.tag(), s, depth + 1);
        } else if (e.value() instanceof Fragments f) {
            if (!ts.encapsulated()) {
                throw new IllegalArgumentException("encapsulated pixel data " + DicomReader.tagString(e.tag())
                        + " cannot be written in " + ts.name());
            }
            header(e.tag(), e.vr(), DicomReader.UNDEFINED);
            item(DicomReader.ITEM, f.offsetTableLength());
            out.write(f.offsetTable());
            for (BinaryValue frag : f.fragments()) {
                item(DicomReader.ITEM, padded(frag.length()));
                binary(frag, VR.OB);
            }
            item(DicomReader.SEQUENCE_DELIMITER, 0);
        } else {
            BinaryValue v = (BinaryValue) e.value();
            long len = padded(v.length());
            if (len > 0xFFFFFFFEL) {
                throw new IllegalArgumentException("value of " + DicomReader.tagString(e.tag()) + " is too long: " + len);
            }
            header(e.tag(), ts.explicitVr() && !e.vr().hasLongLength() && len > 0xFFFE ? VR.UN : e.vr(), len);
            binary(v, e.vr());
        }
    }

    private void writeSequence(int tag, Sequence s, int depth) throws IOException {
        if (depth > opt.maxDepth()) {
            throw new IllegalArgumentException("sequences nested deeper than " + opt.maxDepth() + " at "
                    + DicomReader.tagString(tag));
        }
        boolean undefined = opt.undefinedLengthSequences();
        header(tag, VR.SQ, undefined ? DicomReader.UNDEFINED : sequenceLength(s, depth));
        for (DataSet itemSet : s.items()) {
            item(DicomReader.ITEM, opt.undefinedLengthItems() ? DicomReader.UNDEFINED : itemLength(itemSet, depth));
            writeElements(itemSet, depth);
            if (opt.undefinedLengthItems()) {
                item(DicomReader.ITEM_DELIMITER, 0);
            }
        }
        if (undefined) {
            item(DicomReader.SEQUENCE_DELIMITER, 0);
        }
    }

    private void binary(BinaryValue v, VR vr) throws IOException {
        if (v instanceof InlineBytes b) {
            int unit = ts.bigEndian() ? ByteSwap.unit(vr) : 1;
            if (unit > 1) {
                byte[] copy = b.bytes();
                ByteSwap.swap(copy, 0, copy.length, unit);
                out.write(copy);
            } else {
                b.writeTo(out);
            }
        } else {
            BulkData bulk = (BulkData) v;
            if (opt.bulkDataResolver() == null) {
                throw new IllegalArgumentException("no BulkDataResolver configured to write " + bulk);
            }
            try (InputStream in = opt.bulkDataResolver().open(bulk)) {
                long copied = in.transferTo(out);
                if (copied != bulk.length()) {
                    throw new IOException("bulk data " + bulk + " yielded " + copied + " bytes");
                }
            }
        }
        if ((v.length() & 1) == 1) {
            out.write(vr.paddingByte());
        }
    }

    private void header(int tag, VR vr, long len) throws IOException {
        boolean be = ts.bigEndian();
        put16(0, tag >>> 16, be);
        put16(2, tag & 0xFFFF, be);
        if (!ts.explicitVr()) {
            put32(4, len, be);
            out.write(hdr, 0, 8);
        } else if (vr.hasLongLength()) {
            put16(4, vr.code(), true);
            put16(6, 0, be);
            put32(8, len, be);
            out.write(hdr, 0, 12);
        } else {
            put16(4, vr.code(), true);
            put16(6, (int) len, be);
            out.write(hdr, 0, 8);
        }
    }

    private void item(int tag, long len) throws IOException {
        boolean be = ts.bigEndian();
        put16(0, tag >>> 16, be);
        put16(2, tag & 0xFFFF, be);
        put32(4, len, be);
        out.write(hdr, 0, 8);
    }

    private void put16(int off, int v, boolean be) {
        hdr[off + (be ? 0 : 1)] = (byte) (v >>> 8);
        hdr[off + (be ? 1 : 0)] = (byte) v;
    }

    private void put32(int off, long v, boolean be) {
        put16(be ? off : off + 2, (int) (v >>> 16) & 0xFFFF, be);
        put16(be ? off + 2 : off, (int) v & 0xFFFF, be);
    }

    private static long padded(long len) {
        return len + (len & 1);
    }

    // ---- lengths for defined-length sequences and items ---------------------------------------

    private long sequenceLength(Sequence s, int depth) {
        long total = 0;
        for (DataSet itemSet : s.items()) {
            total += 8 + itemLength(itemSet, depth) + (opt.undefinedLengthItems() ? 8 : 0);
        }
        return checked(total);
    }

    private long itemLength(DataSet ds, int depth) {
        Long known = itemLengths.get(ds);
        if (known != null) {
            return known;
        }
        long total = 0;
        for (DataElement e : ds.elements()) {
            if (!skipped(e)) {
                total += encodedLength(e, depth);
            }
        }
        itemLengths.put(ds, checked(total));
        return total;
    }

    private long encodedLength(DataElement e, int depth) {
        if (e.value() instanceof Sequence s) {
            if (depth + 1 > opt.maxDepth()) {
                throw new IllegalArgumentException("sequences nested deeper than " + opt.maxDepth());
            }
            long header = ts.explicitVr() ? 12 : 8;
            return header + sequenceLength(s, depth + 1) + (opt.undefinedLengthSequences() ? 8 : 0);
        }
        if (e.value() instanceof Fragments f) {
            long total = 12 + 8 + f.offsetTableLength() + 8;
            for (BinaryValue frag : f.fragments()) {
                total += 8 + padded(frag.length());
            }
            return total;
        }
        long len = padded(((BinaryValue) e.value()).length());
        boolean longForm = e.vr().hasLongLength() || len > 0xFFFE;
        return (ts.explicitVr() && longForm ? 12 : 8) + len;
    }

    private static long checked(long len) {
        if (len > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("item or sequence too long for a defined length: " + len);
        }
        return len;
    }

    /** Keeps the caller's stream open when the deflater or buffer is closed. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
