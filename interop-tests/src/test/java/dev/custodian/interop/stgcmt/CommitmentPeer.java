package dev.custodian.interop.stgcmt;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.UuidUidGenerator;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import dev.custodian.interop.support.NamedThreads;
import dev.custodian.interop.support.Orthanc;
import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.dimse.RequestContext;
import dev.custodian.net.pdu.PduLimits;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomServer;
import dev.custodian.net.service.DicomServerConfig;
import dev.custodian.net.service.DimseThreads;
import dev.custodian.net.service.NActionHandler;
import dev.custodian.net.service.NEventReportHandler;
import dev.custodian.net.service.ServiceRegistry;
import dev.custodian.net.transport.AcceptorConfig;
import dev.custodian.net.transport.RequestorConfig;
import dev.custodian.net.ul.Association;
import dev.custodian.net.ul.AssociationRuntime;
import dev.custodian.net.ul.AssociationSettings;
import dev.custodian.stgcmt.ActionInformationCodec;
import dev.custodian.stgcmt.EventInformationCodec;
import dev.custodian.stgcmt.EventReportSender;
import dev.custodian.stgcmt.ReportListener;
import dev.custodian.stgcmt.SopReference;
import dev.custodian.stgcmt.StorageCommitment;
import dev.custodian.stgcmt.StorageCommitmentScu;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Our side of the Storage Commitment interop tests, AE {@value #AET} on 127.0.0.1:ephemeral: a
 * DicomServer whose registry has the given N-ACTION handler (a test SCP) and the
 * {@link StorageCommitmentScu}'s N-EVENT-REPORT receiver; a DicomClient with that receiver too;
 * an {@link EventReportSender}. Named threads, all stopped by {@link #close()}.
 */
final class CommitmentPeer implements AutoCloseable {
    static final String AET = "CUSTODIAN";
    static final Duration DIMSE_TIMEOUT = Duration.ofSeconds(30);
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("stgcmt-it-artim"));
    final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreads("stgcmt-it-worker"));
    final AssociationRuntime runtime = new AssociationRuntime(new NamedThreads("stgcmt-it-reader"), scheduler);
    final UuidUidGenerator uids = new UuidUidGenerator();
    final ActionInformationCodec actionCodec = new ActionInformationCodec(1000);
    final EventInformationCodec eventCodec = new EventInformationCodec(1000);
    final StorageCommitmentScu scu;
    final EventReportSender sender = new EventReportSender(eventCodec, workers);
    final DicomServer server;
    final DicomClient client;
    /** For each request received: on which association, with which role selection (see {@link #describe}). */
    final List<String> observed = new CopyOnWriteArrayList<>();

    /** @param scp the N-ACTION handler of our test SCP, or null for none */
    CommitmentPeer(NActionHandler scp, Duration linger) throws IOException {
        this(scp, linger, true);
    }

    /**
     * @param scp           the N-ACTION handler of our test SCP, or null for none
     * @param receiveReports register the SCU's N-EVENT-REPORT receiver on the server (which makes
     *                       it grant the SCP role to requestors)
     */
    CommitmentPeer(NActionHandler scp, Duration linger, boolean receiveReports) throws IOException {
        scu = new StorageCommitmentScu(actionCodec, eventCodec, Duration.ofSeconds(60), linger, ReportListener.REFUSE,
                workers);
        NEventReportHandler reports = (ctx, rq, info) -> {
            observed.add("N-EVENT-REPORT " + describe(ctx));
            return scu.eventReportHandler().eventReport(ctx, rq, info);
        };
        ServiceRegistry.Builder registry = ServiceRegistry.builder().verification();
        if (receiveReports) {
            registry.eventReport(StorageCommitment.SOP_CLASS_UID, reports);
        }
        if (scp != null) {
            registry.action(StorageCommitment.SOP_CLASS_UID, (ctx, rq, info) -> {
                observed.add("N-ACTION " + describe(ctx));
                return scp.action(ctx, rq, info);
            });
        }
        ServiceRegistry services = registry.build();
        AcceptorConfig acceptor = new AcceptorConfig("127.0.0.1", 0, 8, settings(), null);
        server = DicomServer.start(DicomServerConfig.of(AET, acceptor, DIMSE_TIMEOUT), services,
                new DimseThreads(runtime, new NamedThreads("stgcmt-it-acceptor")));
        // Reports on the associations we request always reach the SCU.
        client = new DicomClient(AET, RequestorConfig.plain(settings(), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                DIMSE_TIMEOUT, ServiceRegistry.builder().eventReport(StorageCommitment.SOP_CLASS_UID, reports).build(),
                runtime);
    }

    int port() {
        return server.port();
    }

    /** Orthanc's {@code DicomModalities}: this peer as "custodian", allowed to use Storage Commitment. */
    String orthancModalities() {
        return "{ \"custodian\": { \"AET\": \"" + AET + "\", \"Host\": \"127.0.0.1\", \"Port\": " + port()
                + ", \"AllowStorageCommitment\": true } }";
    }

    /** A new Secondary Capture reference (no pixel data: Orthanc stores it as any instance). */
    SopReference newReference() {
        return new SopReference(SECONDARY_CAPTURE, uids.newUid());
    }

    /** {@code count} new references, uploaded to {@code orthanc} in one new study and series of {@code patientId}. */
    List<SopReference> uploadTo(Orthanc orthanc, String patientId, int count) throws IOException {
        String study = uids.newUid();
        String series = uids.newUid();
        List<SopReference> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SopReference ref = newReference();
            orthanc.upload(part10(ref, patientId, study, series));
            refs.add(ref);
        }
        return refs;
    }

    /** A minimal Part 10 file of {@code ref} in one study and series of patient {@code patientId}. */
    byte[] part10(SopReference ref, String patientId, String studyUid, String seriesUid) throws IOException {
        DataSet ds = new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, ref.sopClassUid())
                .setString(Tag.SOPInstanceUID, VR.UI, ref.sopInstanceUid())
                .setString(Tag.Modality, VR.CS, "OT")
                .setString(Tag.PatientName, VR.PN, "Commitment^Interop")
                .setString(Tag.PatientID, VR.LO, patientId)
                .setString(Tag.StudyInstanceUID, VR.UI, studyUid)
                .setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Part10Writer().write(out, FileMetaInformation.of(ref.sopClassUid(), ref.sopInstanceUid(),
                Uid.ExplicitVRLittleEndian), ds);
        return out.toByteArray();
    }

    /**
     * "requested by us" or "requested by the peer", then the role selection items proposed and
     * answered for the Storage Commitment SOP class, as "SCU/SCP" flags (e.g. "proposed 0/1,
     * answered 0/1"; "none" when the item is absent).
     */
    static String describe(RequestContext ctx) {
        Association a = ((AssociationChannel) ctx.session().channel()).association();
        return (a.isRequestor() ? "requested by us" : "requested by the peer") + ", proposed "
                + roles(a.request().userInformation().roleSelection(StorageCommitment.SOP_CLASS_UID))
                + ", answered " + roles(a.acceptance().userInformation().roleSelection(StorageCommitment.SOP_CLASS_UID));
    }

    static String roles(Optional<ScpScuRoleSelection> r) {
        return r.map(x -> (x.scuRole() ? 1 : 0) + "/" + (x.scpRole() ? 1 : 0)).orElse("none");
    }

    static AssociationSettings settings() {
        return AssociationSettings.DEFAULT.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withLimits(new PduLimits(16_384, 1 << 20, 4096));
    }


    @Override
    public void close() {
        server.close(Duration.ofSeconds(5));
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
