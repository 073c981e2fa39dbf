package dev.custodian.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.net.dimse.AcceptedContext;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.dimse.DimseSession;
import dev.custodian.net.dimse.NActionRsp;
import dev.custodian.net.dimse.NoPresentationContextException;
import dev.custodian.net.dimse.Status;
import dev.custodian.dicom.codec.DicomReader;
import dev.custodian.dicom.codec.DicomReaderOptions;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Header;
import dev.custodian.dicom.file.Part10Reader;
import dev.custodian.dicom.file.Part10Writer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCU operations against an SCP built on the same layer, over an in-memory association. */
class DicomConnectionTest {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STGCMT = "1.2.840.10008.1.20.1";
    private static final String STGCMT_INST = "1.2.840.10008.1.20.1.1";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final List<AcceptedContext> CONTEXTS = List.of(
            new AcceptedContext(1, VERIFICATION, "1.2.840.10008.1.2"),
            new AcceptedContext(3, CT, EXPLICIT_LE),
            new AcceptedContext(5, STGCMT, EXPLICIT_LE));

    private final ExecutorService scuReader = Executors.newSingleThreadExecutor();
    private final ExecutorService scpReader = Executors.newSingleThreadExecutor();
    @TempDir
    Path dir;
    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<CompletableFuture<?>> reportSent = new CompletableFuture<>();

    @AfterEach
    void stopWorkers() {
        scuReader.shutdownNow();
        scpReader.shutdownNow();
    }

    private DicomConnection connect() {
        return connect(CONTEXTS);
    }

    private DicomConnection connect(List<AcceptedContext> contexts) {
        LoopbackChannel scuEnd = new LoopbackChannel("SCU", "SCP", contexts, scpReader);
        LoopbackChannel scpEnd = new LoopbackChannel("SCP", "SCU", contexts, scuReader);
        ServiceRegistry scp = ServiceRegistry.builder().verification()
                .store((ctx, rq, data) -> {
                    data.transferTo(stored);
                    return Status.SUCCESS;
                }, List.of(CT))
                .action(STGCMT, (ctx, rq, info) -> {
                    events.add("action " + new String(info.readAllBytes()) + " in " + ctx.transferSyntax());
                    // The SCP reports on the same association before its N-ACTION-RSP is sent.
                    reportSent.complete(new DicomConnection(ctx.session())
                            .nEventReport(STGCMT, STGCMT_INST, 1, (out, ts) -> out.write("report".getBytes())));
                    return Status.SUCCESS;
                }).build();
        ServiceRegistry scu = ServiceRegistry.builder()
                .eventReport(STGCMT, (ctx, rq, info) -> {
                    events.add("event " + rq.eventTypeId() + " " + new String(info.readAllBytes()));
                    return Status.SUCCESS;
                }).build();
        DimseSession scuSession = new DimseSession(scuEnd, new ServiceDispatcher(scu), Duration.ofSeconds(5));
        DimseSession scpSession = new DimseSession(scpEnd, new ServiceDispatcher(scp), Duration.ofSeconds(5));
        scuEnd.connect(scpSession);
        scpEnd.connect(scuSession);
        return new DicomConnection(scuSession);
    }

    @Test
    void echoAndStore() throws Exception {
        DicomConnection c = connect();
        assertThat(c.echo().get(5, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        CStoreRsp rsp = c.store(CT, "1.2.3", EXPLICIT_LE, out -> out.write(new byte[] {9, 8, 7, 6}))
                .get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).isTrue();
        assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3");
        assertThat(stored.toByteArray()).containsExactly(9, 8, 7, 6);
    }

    private Path ctFile(TransferSyntax ts) throws IOException {
        DataSet ds = new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, CT)
                .setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4.5")
                .setString(Tag.PatientName, VR.PN, "Doe^John")
                .setInt(Tag.Rows, VR.US, 2)
                .setBytes(Tag.PixelData, VR.OW, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
        Path file = dir.resolve("ct-" + ts.uid() + ".dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            new Part10Writer().write(out, FileMetaInformation.of(CT, "1.2.3.4.5", ts.uid()), ds);
        }
        return file;
    }

    @Test
    void storesAFileAsItIs() throws Exception {
        Path file = ctFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        CStoreRsp rsp = connect().store(file).get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).isTrue();
        assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3.4.5");
        Part10Header h;
        try (InputStream in = Files.newInputStream(file)) {
            h = new Part10Reader().readHeader(in);
            assertThat(stored.toByteArray()).isEqualTo(h.dataSet().readAllBytes());
        }
    }

    @Test
    void transcodesBetweenUncompressedSyntaxesWhenTheFilesIsNotAccepted() throws Exception {
        Path file = ctFile(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        DicomConnection c = connect(List.of(new AcceptedContext(1, CT, "1.2.840.10008.1.2")));
        assertThat(c.store(file).get(5, TimeUnit.SECONDS).status().isSuccess()).isTrue();
        DataSet sent = new DicomReader(new ByteArrayInputStream(stored.toByteArray()),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, DicomReaderOptions.DEFAULT).readDataSet();
        DataSet original;
        try (InputStream in = Files.newInputStream(file)) {
            original = new Part10Reader().read(in).dataSet();
        }
        assertThat(sent.getString(Tag.PatientName)).contains("Doe^John");
        assertThat(sent.getBytes(Tag.PixelData)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 0, 2, 0, 3, 0, 4, 0));
        assertThat(sent.getInt(Tag.Rows)).isEqualTo(original.getInt(Tag.Rows));
    }

    @Test
    void storeWithoutMatchingContextFails() {
        DicomConnection c = connect();
        assertThatThrownBy(() -> c.store(CT, "1.2.3", "1.2.840.10008.1.2", out -> { }).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NoPresentationContextException.class);
        assertThatThrownBy(() -> c.store("1.2.840.10008.5.1.4.1.1.4", "1.2.3", EXPLICIT_LE, out -> { })
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NoPresentationContextException.class);
        DicomConnection echoOnly = connect(List.of(new AcceptedContext(1, VERIFICATION, "1.2.840.10008.1.2")));
        assertThatThrownBy(() -> echoOnly.store(ctFile(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(NoPresentationContextException.class)
                .hasMessageContaining("or another uncompressed");
    }

    @Test
    void eventReportArrivesOnTheActionsAssociationBeforeItsResponse() throws Exception {
        DicomConnection c = connect();
        NActionRsp rsp = c.nAction(STGCMT, STGCMT_INST, 1, (out, ts) -> out.write("refs".getBytes()))
                .get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().isSuccess()).isTrue();
        assertThat(events).containsExactly("action refs in " + EXPLICIT_LE, "event 1 report");
        Object eventRsp = reportSent.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
        assertThat(((dev.custodian.net.dimse.NEventReportRsp) eventRsp).status().isSuccess()).isTrue();
    }

    @Test
    void actionTheScpDoesNotPerformIsUnrecognized() throws Exception {
        DicomConnection c = connect();
        var rsp = c.nEventReport(STGCMT, STGCMT_INST, 1, null).get(5, TimeUnit.SECONDS);
        assertThat(rsp.status().code()).isEqualTo(Status.UNRECOGNIZED_OPERATION.code());
    }
}
