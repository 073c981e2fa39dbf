package dev.custodian.stgcmt;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.DataSetSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The Action Information of the Storage Commitment N-ACTION (PS3.4 §J.3.2.1.1 Table J.3-1) ↔
 * {@link CommitmentRequest}: Transaction UID (0008,1195), Referenced SOP Sequence (0008,1199) of
 * Referenced SOP Class UID (0008,1150) / Instance UID (0008,1155), and optionally Storage Media
 * File-Set ID (0088,0130) / UID (0088,0140). Pure and thread-safe.
 *
 * <p>Decoding failures carry the N-ACTION status to answer with (PS3.7 §10.1.4.1.10): a missing,
 * empty or malformed value is 0115H Invalid Argument Value with the offending element (0120H
 * Missing Attribute is not an N-ACTION status); a value of the wrong type 0212H Mistyped Argument;
 * more references than the configured limit, or an oversized data set, 0213H Resource Limitation;
 * undecodable bytes 0110H Processing Failure.
 */
public final class ActionInformationCodec {
    /** Default limit of referenced instances per transaction. */
    public static final int DEFAULT_MAX_REFERENCES = 10_000;

    private final int maxReferences;

    /** @param maxReferences the most Referenced SOP Sequence items a request may have */
    public ActionInformationCodec(int maxReferences) {
        if (maxReferences < 1) {
            throw new IllegalArgumentException("maxReferences must be at least 1: " + maxReferences);
        }
        this.maxReferences = maxReferences;
    }

    public ActionInformationCodec() {
        this(DEFAULT_MAX_REFERENCES);
    }

    public int maxReferences() {
        return maxReferences;
    }

    public DataSet encode(CommitmentRequest request) {
        DataSet ds = new DataSet().setString(Tag.TransactionUID, VR.UI, request.transactionUid())
                .setSequence(Tag.ReferencedSOPSequence, DataSets.items(request.references()));
        if (request.storageMediaFileSetId() != null) {
            ds.setString(Tag.StorageMediaFileSetID, VR.SH, request.storageMediaFileSetId());
        }
        if (request.storageMediaFileSetUid() != null) {
            ds.setString(Tag.StorageMediaFileSetUID, VR.UI, request.storageMediaFileSetUid());
        }
        return ds;
    }

    public CommitmentRequest decode(DataSet ds) throws CommitmentFormatException {
        List<SopReference> refs = new ArrayList<>();
        return new ReferenceDecoder(maxReferences, (position, ref) -> refs.add(ref)).finish(ds).withReferences(refs);
    }

    /** The Action Information bytes in {@code transferSyntaxUid}. */
    public byte[] write(CommitmentRequest request, String transferSyntaxUid) {
        return DataSets.write(encode(request), transferSyntaxUid);
    }

    /**
     * Reads the whole Action Information (bounded by the reference limit) and decodes it.
     *
     * @throws IOException the stream failed (not a format problem: e.g. the association ended)
     */
    public CommitmentRequest read(InputStream in, String transferSyntaxUid) throws CommitmentFormatException, IOException {
        List<SopReference> refs = new ArrayList<>();
        return read(in, transferSyntaxUid, (position, ref) -> refs.add(ref)).withReferences(refs);
    }

    /**
     * Reads the Action Information as it arrives, passing each reference to {@code sink} as soon
     * as its item has been read and checked: memory holds one item, whatever the count. The first
     * failure ends the reading (more references than the limit as soon as one too many arrives);
     * the sink may then have received some references of the invalid request.
     *
     * @throws IOException the stream failed (not a format problem: e.g. the association ended)
     */
    public RequestSummary read(InputStream in, String transferSyntaxUid, ReferenceSink sink)
            throws CommitmentFormatException, IOException {
        long max = DataSets.BYTES_FIXED + DataSets.BYTES_PER_REFERENCE * maxReferences;
        ReferenceDecoder decoder = new ReferenceDecoder(maxReferences, sink);
        DataSet ds = DataSets.read(in, transferSyntaxUid, max, "Action Information", Tag.ReferencedSOPSequence,
                decoder::item);
        return decoder.finish(ds);
    }

    /** Writes {@code request} in whatever transfer syntax the presentation context chose. */
    public DataSetSource source(CommitmentRequest request) {
        DataSet ds = encode(request);
        return (out, ts) -> out.write(DataSets.write(ds, ts));
    }
}
