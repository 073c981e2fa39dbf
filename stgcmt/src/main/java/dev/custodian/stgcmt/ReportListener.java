package dev.custodian.stgcmt;

import dev.custodian.dicom.dict.Tag;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.Status;
import java.util.List;

/**
 * Receives the Storage Commitment results that match no request pending in this process (e.g. one
 * that arrives after a restart, or after the SCU stopped waiting), so that a persistent layer can
 * still record them. Returning normally answers Success; throwing answers the failure.
 */
@FunctionalInterface
public interface ReportListener {
    /** Refuses every unmatched result with 0115H Invalid Argument Value on Transaction UID (0008,1195). */
    ReportListener REFUSE = (report, callingAet) -> {
        throw new DimseFailure(Status.INVALID_ARGUMENT_VALUE.withOffendingElements(List.of(Tag.TransactionUID)),
                "Unknown Transaction UID");
    };

    /**
     * @param report     the decoded result
     * @param callingAet the AE title of the peer that sent it
     * @throws DimseFailure the status to answer with
     */
    void onReport(CommitmentReport report, String callingAet) throws DimseFailure;
}
