package dev.custodian.interop.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.codec.DicomWriter;
import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.interop.support.Part10;
import dev.custodian.interop.support.TestFiles;
import dev.custodian.interop.support.TestInstances;
import dev.custodian.net.dimse.CStoreRsp;
import dev.custodian.net.service.DicomClient;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.net.ul.DataWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures C-STORE between our SCU and our SCP on 127.0.0.1 (20 instances of 2 MiB, written to
 * Part 10 files by the SCP): prints MiB/s, and checks every instance arrived whole.
 */
class StoreThroughputIT {
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final int INSTANCES = 20;

    @TempDir
    Path received;
    private DimseFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "max PDU {0}")
    @ValueSource(ints = {16_384, 1 << 20})
    void twentyTwoMegabyteInstances(int pdu) throws Exception {
        byte[] pixels = new byte[2 << 20];
        new Random(5).nextBytes(pixels);
        byte[] dataSet = DicomWriter.toBytes(new DataSet()
                .setString(Tag.SOPClassUID, VR.UI, TestInstances.SECONDARY_CAPTURE)
                .setString(Tag.PatientName, VR.PN, "Throughput")
                .setInt(Tag.Rows, VR.US, 1024).setInt(Tag.Columns, VR.US, 1024)
                .setInt(Tag.BitsAllocated, VR.US, 16)
                .setBytes(Tag.PixelData, VR.OW, pixels), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        fixture = new DimseFixture(received).start(pdu, null);
        DicomClient client = fixture.client("OURSCU", pdu);
        long start = System.nanoTime();
        List<CompletableFuture<CStoreRsp>> answers = new ArrayList<>();
        try (DicomConnection c = client.connect("127.0.0.1", fixture.port(),
                client.propose(DimseFixture.AE).context(TestInstances.SECONDARY_CAPTURE, EXPLICIT_LE).build())) {
            for (int i = 1; i <= INSTANCES; i++) {
                answers.add(c.store(TestInstances.SECONDARY_CAPTURE, "1.2.826.0.1.3680043.10.1137.7." + i, EXPLICIT_LE,
                        DataWriter.of(dataSet)));
            }
            for (CompletableFuture<CStoreRsp> a : answers) {
                assertThat(a.get(60, TimeUnit.SECONDS).status().isSuccess()).isTrue();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double mib = INSTANCES * (double) dataSet.length / (1 << 20);
        System.out.printf("C-STORE throughput, max PDU %d: %.1f MiB in %.2f s = %.1f MiB/s%n", pdu, mib, seconds,
                mib / seconds);
        List<Path> files = TestFiles.filesIn(received);
        assertThat(files).hasSize(INSTANCES);
        String expected = TestFiles.sha256(dataSet);
        for (Path f : files) {
            assertThat(TestFiles.sha256(Part10.read(f).dataSet())).isEqualTo(expected);
        }
    }
}
