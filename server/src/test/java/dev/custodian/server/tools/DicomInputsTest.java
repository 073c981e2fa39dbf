package dev.custodian.server.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.dict.Uid;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the tools take: Part 10 files by their header, folders recursively, the rest counted or reported. */
class DicomInputsTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    @TempDir
    Path dir;

    private Path part10(Path file, String sopClass, String instance) throws IOException {
        Files.createDirectories(file.getParent());
        DataSet ds = new DataSet().setString(Tag.SOPClassUID, VR.UI, sopClass).setString(Tag.SOPInstanceUID, VR.UI,
                instance);
        try (OutputStream out = Files.newOutputStream(file)) {
            new Part10Writer().write(out, FileMetaInformation.of(sopClass, instance, Uid.ExplicitVRLittleEndian), ds);
        }
        return file;
    }

    @Test
    void foldersAreWalkedInNameOrderAndNonDicomIsCounted() throws IOException {
        Path b = part10(dir.resolve("study/s2/b.dcm"), CT, "1.2.3.2");
        Path a = part10(dir.resolve("study/s1/a"), CT, "1.2.3.1");
        part10(dir.resolve("study/DICOMDIR"), DicomInputs.MEDIA_STORAGE_DIRECTORY, "1.2.3.9");
        Files.writeString(dir.resolve("study/notes.txt"), "not DICOM at all, though long enough to have 132 bytes "
                + "of text in it so that only the prefix check can tell it apart from a DICOM file ...........");
        Files.write(dir.resolve("study/empty"), new byte[0]);
        Path single = part10(dir.resolve("single.dcm"), CT, "1.2.3.3");

        DicomInputs in = DicomInputs.scan(List.of(dir.resolve("study"), single));

        assertThat(in.files()).extracting(DicomInput::path).containsExactly(a, b, single);
        assertThat(in.files()).extracting(DicomInput::reference).containsExactly(new SopReference(CT, "1.2.3.1"),
                new SopReference(CT, "1.2.3.2"), new SopReference(CT, "1.2.3.3"));
        assertThat(in.files().get(0).transferSyntaxUid()).isEqualTo(Uid.ExplicitVRLittleEndian);
        assertThat(in.files().get(0).size()).isEqualTo(Files.size(a));
        assertThat(in.notDicom()).isEqualTo(3);
        assertThat(in.unreadable()).isEmpty();
        assertThat(in.bytes()).isEqualTo(Files.size(a) + Files.size(b) + Files.size(single));
        assertThat(Inputs.summary(in)).matches("3 DICOM files \\([12] KB\\); 3 files skipped: not DICOM");
    }

    @Test
    void aDicmPrefixWithoutReadableMetaAndAMissingPathAreReported() throws IOException {
        byte[] corrupt = new byte[300];
        corrupt[128] = 'D';
        corrupt[129] = 'I';
        corrupt[130] = 'C';
        corrupt[131] = 'M';
        Path broken = Files.write(dir.resolve("broken.dcm"), corrupt);
        Path good = part10(dir.resolve("good.dcm"), CT, "1.2.3.4");

        DicomInputs in = DicomInputs.scan(List.of(broken, dir.resolve("nothing-here"), good));

        assertThat(in.files()).extracting(DicomInput::path).containsExactly(good);
        assertThat(in.unreadable()).hasSize(2);
        assertThat(in.unreadable().get(0)).startsWith(broken + ": not readable as DICOM: ");
        assertThat(in.unreadable().get(1)).isEqualTo(dir.resolve("nothing-here") + ": no such file or folder");
        assertThat(Inputs.summary(in)).isEqualTo("1 DICOM file (1 KB); 2 unreadable");
    }

    @Test
    void progressLinesComeAtEachTenth() {
        java.io.StringWriter text = new java.io.StringWriter();
        long[] now = {0};
        LineProgress p = new LineProgress(20, 20 * 1_048_576L, new java.io.PrintWriter(text), () -> now[0]);
        DicomInput f = new DicomInput(Path.of("x"), CT, "1.2.3", Uid.ExplicitVRLittleEndian, 1_048_576);
        for (int i = 0; i < 20; i++) {
            now[0] += 100_000_000L; // 10 instances/s
            p.sent(f, true);
        }
        p.close();
        assertThat(text.toString().lines()).hasSize(9).first()
                .isEqualTo("C-STORE 2/20 files, 2.0/20.0 MB, 10 instances/s, ETA 2 s");
    }

    @Test
    void requestsAreSplitIntoChunks() {
        List<SopReference> refs = List.of(new SopReference(CT, "1.1"), new SopReference(CT, "1.2"),
                new SopReference(CT, "1.3"), new SopReference(CT, "1.4"), new SopReference(CT, "1.5"));
        assertThat(CommitmentRun.chunks(refs, 0)).containsExactly(refs);
        assertThat(CommitmentRun.chunks(refs, 2)).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(CommitmentRun.chunks(refs, 5)).containsExactly(refs);
    }
}
