package dev.custodian.server.dicom;

import dev.custodian.dicom.data.DicomFormatException;
import dev.custodian.net.dimse.CStoreRq;
import dev.custodian.net.dimse.DimseFailure;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.dimse.Status;
import dev.custodian.net.service.CStoreService;
import dev.custodian.net.ul.DataSetInterruptedException;
import dev.custodian.server.index.DatabaseFailures;
import dev.custodian.server.index.Ingest;
import dev.custodian.server.index.InvalidInstanceException;
import dev.custodian.server.index.Reception;
import dev.custodian.server.store.StorageFullException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-STORE SCP of the Storage Service Class (PS3.4 §B.2.3): the data set streams through
 * {@link Ingest} into the storage area and the index; Success is answered only once the file is
 * durable and its index rows committed. A duplicate SOP instance is Success too, kept or
 * overwritten per {@code OverwriteInstances} (as Orthanc). Failures, each leaving nothing stored:
 * <ul>
 * <li>0xC000 Cannot understand: the data set does not parse (PS3.4 Table B.2-1);</li>
 * <li>0xA900 Data Set does not match SOP Class: missing UIDs or UIDs differing from the request;</li>
 * <li>0xA700 Out of resources: {@code MaximumStorageSize} reached, disk full, or the file could not
 *     be written or indexed (the index database unavailable included: the sender may try again).</li>
 * </ul>
 */
public final class StoreScp implements CStoreService {
    private static final Logger LOG = LoggerFactory.getLogger(StoreScp.class);

    private final Ingest ingest;
    private final Clock clock;
    private final Function<RequestContext, AssociationCounters> counters;

    /** @param counters the counters of the association a request arrived on (for its log line) */
    public StoreScp(Ingest ingest, Clock clock, Function<RequestContext, AssociationCounters> counters) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public Status store(RequestContext ctx, CStoreRq rq, InputStream dataSet) throws DimseFailure, IOException {
        AssociationCounters count = counters.apply(ctx);
        Reception reception = Reception.dicom(ctx.remoteAet(), count.remoteHost(), ctx.localAet(), clock.instant());
        try {
            ingest.store(dataSet, rq.affectedSopClassUid(), rq.affectedSopInstanceUid(), ctx.transferSyntax(),
                    reception);
            count.stored();
            return Status.SUCCESS;
        } catch (DicomFormatException e) {
            throw failed(count, rq, Status.CANNOT_UNDERSTAND, e);
        } catch (InvalidInstanceException e) {
            throw failed(count, rq, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e);
        } catch (StorageFullException e) {
            throw failed(count, rq, Status.OUT_OF_RESOURCES, e);
        } catch (IOException e) {
            if (DataSetInterruptedException.isCauseOf(e)) {
                // the association ended under the data set: the upper layer has logged why, and
                // nothing was stored; the dispatcher notes the request at INFO
                count.failed();
                throw e;
            }
            LOG.warn("C-STORE of {} from {} failed", rq.affectedSopInstanceUid(), ctx.remoteAet(), e);
            throw failed(count, rq, Status.OUT_OF_RESOURCES, e);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                // a database restart fails every store in flight: one line each, no stack trace
                LOG.warn("C-STORE of {} from {} failed: the index database is unavailable: {}",
                        rq.affectedSopInstanceUid(), ctx.remoteAet(), DatabaseFailures.describe(e));
                count.failed();
                throw new DimseFailure(Status.OUT_OF_RESOURCES, "Index database unavailable", e);
            }
            LOG.warn("C-STORE of {} from {} failed", rq.affectedSopInstanceUid(), ctx.remoteAet(), e);
            throw failed(count, rq, Status.OUT_OF_RESOURCES, e);
        }
    }

    private static DimseFailure failed(AssociationCounters count, CStoreRq rq, Status status, Exception e) {
        count.failed();
        LOG.debug("C-STORE of {} refused with {}: {}", rq.affectedSopInstanceUid(),
                String.format("%04X", status.code()), e.getMessage());
        return new DimseFailure(status, comment(e.getMessage()), e);
    }

    /** Error Comment (0000,0902) is LO: at most 64 characters (PS3.7 Annex C). */
    static String comment(String message) {
        String m = message == null ? "" : message.replaceAll("[\\\\\\r\\n]", " ");
        return m.length() <= Status.MAX_ERROR_COMMENT ? m : m.substring(0, Status.MAX_ERROR_COMMENT);
    }
}
