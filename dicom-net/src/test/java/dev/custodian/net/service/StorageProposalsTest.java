package dev.custodian.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.dicom.codec.TransferSyntax;
import dev.custodian.dicom.data.DataSet;
import dev.custodian.dicom.data.VR;
import dev.custodian.dicom.dict.Tag;
import dev.custodian.dicom.file.FileMetaInformation;
import dev.custodian.dicom.file.Part10Writer;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.ul.AssociationProposal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageProposalsTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    @TempDir
    Path dir;

    private Path file(String sopClass, String ts, int n) throws IOException {
        Path f = dir.resolve(n + ".dcm");
        DataSet ds = new DataSet().setString(Tag.SOPClassUID, VR.UI, sopClass)
                .setString(Tag.SOPInstanceUID, VR.UI, "1.2.3." + n);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(new byte[128]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            out.write(Part10Writer.encodeMeta(FileMetaInformation.of(sopClass, "1.2.3." + n, ts)));
            out.write(dev.custodian.dicom.codec.DicomWriter.toBytes(ds,
                    TransferSyntax.lookup(ts).orElse(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));
        }
        return f;
    }

    @Test
    void oneContextPerSyntaxPlusAnUncompressedFallback() throws IOException {
        List<Path> files = List.of(file(CT, "1.2.840.10008.1.2.2", 1), file(CT, "1.2.840.10008.1.2.2", 2),
                file(CT, "1.2.840.10008.1.2", 3), file(MR, JPEG_BASELINE, 4));
        AssociationProposal p = StorageProposals.addContexts(AssociationProposal.builder("US", "THEM"), files).build();
        List<String> described = p.contexts().stream()
                .map(c -> c.id() + " " + c.abstractSyntax() + " " + c.transferSyntaxes()).toList();
        assertThat(described).containsExactly(
                "1 " + CT + " [1.2.840.10008.1.2.2]",
                "3 " + CT + " [1.2.840.10008.1.2]",
                "5 " + CT + " [1.2.840.10008.1.2.1, 1.2.840.10008.1.2]",
                "7 " + MR + " [" + JPEG_BASELINE + "]");
        assertThat(p.contexts()).extracting(PresentationContextRq::id).doesNotHaveDuplicates();
    }

    @Test
    void tooManySopClassesForOneAssociation() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            files.add(file("1.2.840.10008.5.1.4.1.1." + (100 + i), "1.2.840.10008.1.2.1", i));
        }
        assertThatThrownBy(() -> StorageProposals.addContexts(AssociationProposal.builder("US", "THEM"), files))
                .hasMessageContaining("130 presentation contexts");
    }

    @Test
    void notPart10IsAnIoError() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk"), "not dicom at all");
        assertThatThrownBy(() -> StorageProposals.addContexts(AssociationProposal.builder("US", "THEM"),
                List.of(junk))).isInstanceOf(IOException.class);
    }

    private record Item(String sopClass, String ts) {}

    @Test
    void pureFormsGiveEachSyntaxThenTheLittleEndianFallbackPerSopClass() {
        List<Item> items = List.of(new Item(CT, JPEG_BASELINE), new Item(MR, JPEG_BASELINE),
                new Item(CT, "1.2.840.10008.1.2.1"), new Item(CT, JPEG_BASELINE));
        var syntaxes = StorageProposals.syntaxesBySopClass(items, Item::sopClass, Item::ts);
        assertThat(StorageProposals.contexts(syntaxes)).isEqualTo(5);
        AssociationProposal p = StorageProposals.addContexts(AssociationProposal.builder("US", "THEM"), syntaxes)
                .build();
        assertThat(p.contexts()).extracting(c -> c.abstractSyntax() + " " + c.transferSyntaxes()).containsExactly(
                CT + " [" + JPEG_BASELINE + "]", CT + " [1.2.840.10008.1.2.1]",
                CT + " [1.2.840.10008.1.2.1, 1.2.840.10008.1.2]", MR + " [" + JPEG_BASELINE + "]",
                MR + " [1.2.840.10008.1.2.1, 1.2.840.10008.1.2]");
    }

    @Test
    void batchesKeepEachSopClassTogetherWithinOneAssociation() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 70; i++) { // 70 SOP classes x 2 contexts = 140 > 128
            items.add(new Item("1.2.3." + i, "1.2.840.10008.1.2.1"));
            items.add(new Item("1.2.3." + i, "1.2.840.10008.1.2.1"));
        }
        List<List<Item>> batches = StorageProposals.batches(items, Item::sopClass, Item::ts);
        assertThat(batches).extracting(List::size).containsExactly(128, 12);
        assertThat(StorageProposals.batches(items.subList(0, 4), Item::sopClass, Item::ts))
                .containsExactly(items.subList(0, 4));
    }
}
