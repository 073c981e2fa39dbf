package dev.custodian.stgcmt;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.TagFormat;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.DataSetSource;
import dev.custodian.net.dimse.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Event Information of the Storage Commitment N-EVENT-REPORT (PS3.4 §J.3.3.1.1 Table J.3-2)
 * ↔ {@link CommitmentReport}: Transaction UID (0008,1195), Retrieve AE Title (0008,0054),
 * Referenced SOP Sequence (0008,1199) of the committed instances, Failed SOP Sequence (0008,1198)
 * whose items add Failure Reason (0008,1197). An empty sequence is not written (both are
 * conditional on having items). Pure and thread-safe.
 *
 * <p>Decoding checks the Event Type ID against the content: type 1 with failed instances, or
 * type 2 without, is 0115H Invalid Argument Value (which instances are committed would be
 * ambiguous); another type is 0113H No Such Event Type. Value errors are as in
 * {@link ActionInformationCodec}.
 */
public final class EventInformationCodec {
    private final int maxReferences;

    /** @param maxReferences the most items the two sequences together may have */
    public EventInformationCodec(int maxReferences) {
        if (maxReferences < 1) {
            throw new IllegalArgumentException("maxReferences must be at least 1: " + maxReferences);
        }
        this.maxReferences = maxReferences;
    }

    public EventInformationCodec() {
        this(ActionInformationCodec.DEFAULT_MAX_REFERENCES);
    }

    public DataSet encode(CommitmentReport report) {
        DataSet ds = new DataSet().setString(Tag.TransactionUID, VR.UI, report.transactionUid());
        if (report.retrieveAeTitle() != null) {
            ds.setString(Tag.RetrieveAETitle, VR.AE, report.retrieveAeTitle());
        }
        if (!report.committed().isEmpty()) {
            ds.setSequence(Tag.ReferencedSOPSequence, DataSets.items(report.committed()));
        }
        if (!report.failed().isEmpty()) {
            List<DataSet> items = new ArrayList<>(report.failed().size());
            for (FailedReference f : report.failed()) {
                items.add(DataSets.item(f.reference()).setInt(Tag.FailureReason, VR.US, f.reason().code()));
            }
            ds.setSequence(Tag.FailedSOPSequence, items);
        }
        return ds;
    }

    /** Decodes the Event Information of an N-EVENT-REPORT with {@code eventTypeId}. */
    public CommitmentReport decode(DataSet ds, int eventTypeId) throws CommitmentFormatException {
        if (eventTypeId != StorageCommitment.EVENT_TYPE_SUCCESSFUL
                && eventTypeId != StorageCommitment.EVENT_TYPE_FAILURES_EXIST) {
            throw new CommitmentFormatException(Status.NO_SUCH_EVENT_TYPE, CommitmentFormatException.NO_TAG,
                    "Event Type ID " + eventTypeId + " is not a Storage Commitment result");
        }
        String transactionUid = DataSets.requiredUid(ds, Tag.TransactionUID, "");
        List<DataSet> ok = DataSets.sequence(ds, Tag.ReferencedSOPSequence);
        List<DataSet> ko = DataSets.sequence(ds, Tag.FailedSOPSequence);
        DataSets.checkCount(ok.size() + ko.size(), maxReferences, Tag.ReferencedSOPSequence);
        if (ok.isEmpty() && ko.isEmpty()) {
            throw DataSets.invalid(Tag.ReferencedSOPSequence, "Neither " + TagFormat.of(Tag.ReferencedSOPSequence)
                    + " nor " + TagFormat.of(Tag.FailedSOPSequence) + " has an item");
        }
        if ((eventTypeId == StorageCommitment.EVENT_TYPE_SUCCESSFUL) != ko.isEmpty()) {
            throw DataSets.invalid(Tag.FailedSOPSequence, "Event Type ID " + eventTypeId + " with "
                    + ko.size() + " item(s) in " + TagFormat.of(Tag.FailedSOPSequence));
        }
        List<SopReference> committed = new ArrayList<>(ok.size());
        for (int i = 0; i < ok.size(); i++) {
            committed.add(DataSets.reference(ok.get(i), Tag.ReferencedSOPSequence, i));
        }
        List<FailedReference> failed = new ArrayList<>(ko.size());
        for (int i = 0; i < ko.size(); i++) {
            failed.add(new FailedReference(DataSets.reference(ko.get(i), Tag.FailedSOPSequence, i),
                    reason(ko.get(i), i)));
        }
        String retrieveAe = DataSets.optionalText(ds, Tag.RetrieveAETitle);
        try {
            return new CommitmentReport(transactionUid, retrieveAe, committed, failed);
        } catch (IllegalArgumentException e) {
            throw DataSets.invalid(Tag.RetrieveAETitle, e.getMessage());
        }
    }

    public byte[] write(CommitmentReport report, String transferSyntaxUid) {
        return DataSets.write(encode(report), transferSyntaxUid);
    }

    /**
     * Reads the whole Event Information (bounded by the reference limit) and decodes it.
     *
     * @throws IOException the stream failed (not a format problem: e.g. the association ended)
     */
    public CommitmentReport read(InputStream in, String transferSyntaxUid, int eventTypeId)
            throws CommitmentFormatException, IOException {
        long max = DataSets.BYTES_FIXED + DataSets.BYTES_PER_REFERENCE * maxReferences;
        return decode(DataSets.read(in, transferSyntaxUid, max, "Event Information"), eventTypeId);
    }

    public DataSetSource source(CommitmentReport report) {
        DataSet ds = encode(report);
        return (out, ts) -> out.write(DataSets.write(ds, ts));
    }

    private static FailureReason reason(DataSet item, int index) throws CommitmentFormatException {
        OptionalInt code = item.getInt(Tag.FailureReason);
        if (code.isEmpty() || code.getAsInt() <= 0 || code.getAsInt() > 0xFFFF) {
            throw DataSets.invalid(Tag.FailureReason, TagFormat.of(Tag.FailureReason)
                    + (code.isEmpty() ? " missing" : " is " + code.getAsInt()) + " in item " + (index + 1)
                    + " of " + TagFormat.of(Tag.FailedSOPSequence));
        }
        return FailureReason.of(code.getAsInt());
    }
}
