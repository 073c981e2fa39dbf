package dev.custodian.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import dev.custodian.server.index.OrthancIds;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadRoutesTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    /** pydicom's corpus, installed by scripts/test.sh (python3-pydicom). */
    static final Path CT_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    @TempDir
    Path dir;

    private RestFixture rest;

    @BeforeEach
    void start() {
        rest = new RestFixture(dir, "{}");
    }

    @AfterEach
    void stop() {
        rest.close();
    }

    static byte[] part10(String sopInstanceUid, boolean withSop) throws Exception {
        DataSet ds = new DataSet();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, CT);
        if (withSop) {
            ds.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        }
        ds.setString(Tag.AccessionNumber, VR.SH, "");
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jürgen");
        ds.setString(Tag.PatientID, VR.LO, "PID-7");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.2.1.1");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setInt(Tag.Rows, VR.US, 16);
        ds.setInt(Tag.Columns, VR.US, 16);
        byte[] pixels = new byte[512];
        Arrays.fill(pixels, (byte) 7);
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Part10Writer().write(out, FileMetaInformation.of(CT, sopInstanceUid, EXPLICIT_LE), ds);
        return out.toByteArray();
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return rest.send(HttpRequest.newBuilder(rest.uri("/instances"))
                .header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void uploadStoresTheFileVerbatimAndIndexesIt() throws Exception {
        byte[] file = part10("1.2.826.0.1.3680043.2.1.1.1", true);
        HttpResponse<String> r = post(file);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = RestFixture.JSON.readTree(r.body());
        String id = OrthancIds.instance("PID-7", "1.2.826.0.1.3680043.2.1", "1.2.826.0.1.3680043.2.1.1",
                "1.2.826.0.1.3680043.2.1.1.1");
        assertThat(body.get("ID").asText()).isEqualTo(id);
        assertThat(body.get("Status").asText()).isEqualTo("Success");
        assertThat(body.get("Path").asText()).isEqualTo("/instances/" + id);
        assertThat(body.get("ParentPatient").asText()).isEqualTo(OrthancIds.patient("PID-7"));

        HttpResponse<byte[]> stored = rest.http.send(HttpRequest.newBuilder(rest.uri("/instances/" + id + "/file")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.body()).isEqualTo(file);
        JsonNode study = rest.getJson("/studies/" + body.get("ParentStudy").asText());
        assertThat(study.get("PatientMainDicomTags").get("PatientName").asText()).isEqualTo("Müller^Jürgen");
        assertThat(study.get("MainDicomTags").get("AccessionNumber").asText()).isEmpty();
        assertThat(rest.getJson("/instances/" + id + "/metadata?expand").get("Origin").asText()).isEqualTo("RestApi");
        assertThat(rest.getJson("/instances/" + id + "/metadata?expand").get("TransferSyntax").asText()).isEqualTo(EXPLICIT_LE);

        assertThat(post(file).body()).contains("AlreadyStored");
        assertThat(rest.storage.fileCount()).isEqualTo(1);
    }

    @Test
    void tagsInOrthancsTwoForms() throws Exception {
        String id = RestFixture.JSON.readTree(post(part10("1.2.3.4", true)).body()).get("ID").asText();
        JsonNode tags = rest.getJson("/instances/" + id + "/tags");
        assertThat(tags.get("0010,0010").get("Name").asText()).isEqualTo("PatientName");
        assertThat(tags.get("0010,0010").get("Type").asText()).isEqualTo("String");
        assertThat(tags.get("0010,0010").get("Value").asText()).isEqualTo("Müller^Jürgen");
        assertThat(tags.get("0008,0008").get("Value").asText()).isEqualTo("ORIGINAL\\PRIMARY\\AXIAL");
        assertThat(tags.get("0028,0010").get("Value").asText()).isEqualTo("16");
        assertThat(tags.get("7fe0,0010").get("Value").isNull()).isTrue();
        assertThat(tags.has("0002,0010")).isFalse();
        List<String> keys = new ArrayList<>();
        tags.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().startsWith("0008,0005");
        JsonNode simple = rest.getJson("/instances/" + id + "/simplified-tags");
        assertThat(simple.get("PatientID").asText()).isEqualTo("PID-7");
        assertThat(simple.get("Modality").asText()).isEqualTo("CT");
        assertThat(rest.get("/instances/" + OrthancIds.patient("x") + "/tags").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedUploadsAreRefusedAndLeaveNothing() throws Exception {
        HttpResponse<String> garbage = post("this is not DICOM at all, not even close".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(RestFixture.JSON.readTree(garbage.body()).get("OrthancStatus").asInt()).isEqualTo(15);

        byte[] file = part10("1.2.3.5", true);
        HttpResponse<String> truncated = post(Arrays.copyOf(file, file.length - 100));
        assertThat(truncated.statusCode()).isEqualTo(400);

        HttpResponse<String> noSop = post(part10("1.2.3.6", false));
        assertThat(noSop.statusCode()).isEqualTo(400);
        assertThat(noSop.body()).contains("SOPInstanceUID");

        assertThat(rest.storage.fileCount()).isZero();
        assertThat(rest.storage.usedBytes()).isZero();
        assertThat(rest.archive.index().statistics().instances()).isZero();
    }

    @Test
    void realFileGetsTheIdsAndTagsOrthancGaveIt() throws Exception {
        byte[] file = Files.readAllBytes(CT_SMALL); // fails when pydicom's corpus is missing
        JsonNode body = RestFixture.JSON.readTree(post(file).body());
        // values a real Orthanc returned for the same upload
        assertThat(body.get("ID").asText()).isEqualTo("f689ddd2-662f8fe1-8b18180d-ec2a2cee-937917af");
        assertThat(body.get("ParentSeries").asText()).isEqualTo("93034833-163e42c3-bc9a428b-194620cf-2c5799e5");
        JsonNode study = rest.getJson("/studies/8a8cf898-ca27c490-d0c7058c-929d0581-2bbf104d");
        assertThat(study.get("MainDicomTags").get("StudyID").asText()).isEqualTo("1CT1");
        assertThat(study.get("MainDicomTags").get("InstitutionName").asText()).isEqualTo("JFK IMAGING CENTER");
        assertThat(study.get("MainDicomTags").get("AccessionNumber").asText()).isEmpty();
        assertThat(study.get("PatientMainDicomTags").get("PatientName").asText()).isEqualTo("CompressedSamples^CT1");
        JsonNode instance = rest.getJson("/instances/" + body.get("ID").asText());
        assertThat(instance.get("FileSize").asLong()).isEqualTo(39206);
        assertThat(instance.get("IndexInSeries").asInt()).isEqualTo(1);
        JsonNode series = rest.getJson("/series/" + body.get("ParentSeries").asText());
        assertThat(series.get("MainDicomTags").get("StationName").asText()).isEqualTo("CT01_OC0");
        assertThat(series.get("MainDicomTags").get("SeriesDate").asText()).isEqualTo("19970430");
    }
}
