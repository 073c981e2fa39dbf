package dev.custodian.stgcmt;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.TagFormat;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.Status;
import java.util.List;

/**
 * Decodes one request's Action Information item by item, for a whole data set and for a stream
 * alike, with one order of checks: Transaction UID, then the Referenced SOP Sequence (its type,
 * the item limit, each item), then the file-set attributes. Not thread-safe; one per request.
 */
final class ReferenceDecoder {
    private final int maxReferences;
    private final ReferenceSink sink;
    private int count;

    ReferenceDecoder(int maxReferences, ReferenceSink sink) {
        this.maxReferences = maxReferences;
        this.sink = sink;
    }

    /** The next item of the Referenced SOP Sequence of {@code owner} (the data set read so far). */
    void item(DataSet owner, DataSet item) throws CommitmentFormatException {
        if (count == 0) {
            DataSets.requiredUid(owner, Tag.TransactionUID, "");
        }
        if (count == maxReferences) {
            throw new CommitmentFormatException(Status.RESOURCE_LIMITATION,
                    Tag.ReferencedSOPSequence, TagFormat.of(Tag.ReferencedSOPSequence) + " has more than the "
                    + maxReferences + " items allowed");
        }
        sink.accept(count, DataSets.reference(item, Tag.ReferencedSOPSequence, count));
        count++;
    }

    /** The whole data set has been read ({@code ds}, with any items not streamed): the summary. */
    RequestSummary finish(DataSet ds) throws CommitmentFormatException {
        String transactionUid = DataSets.requiredUid(ds, Tag.TransactionUID, "");
        List<DataSet> items = DataSets.sequence(ds, Tag.ReferencedSOPSequence);
        if (!items.isEmpty()) {
            DataSets.checkCount(count + items.size(), maxReferences, Tag.ReferencedSOPSequence);
            for (DataSet item : items) {
                item(ds, item);
            }
        }
        if (count == 0) {
            throw DataSets.invalid(Tag.ReferencedSOPSequence, TagFormat.of(Tag.ReferencedSOPSequence)
                    + (ds.contains(Tag.ReferencedSOPSequence) ? " has no item" : " missing"));
        }
        String fileSetId = DataSets.optionalText(ds, Tag.StorageMediaFileSetID);
        String fileSetUid = DataSets.optionalUid(ds, Tag.StorageMediaFileSetUID, "");
        try {
            return new RequestSummary(transactionUid, count, fileSetId, fileSetUid);
        } catch (IllegalArgumentException e) {
            throw DataSets.invalid(Tag.StorageMediaFileSetID, e.getMessage());
        }
    }
}
