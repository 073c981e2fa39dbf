package dev.custodian.interop.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.interop.dicom.StoredCopies.Original;
import dev.custodian.interop.support.Http;
import dev.custodian.interop.support.Tools;
import dev.custodian.server.cli.Application;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, store as sent, with the {@code .dcm} files of the pydicom package ({@link Corpus#dcmFiles}) and Custodian's
 * default {@code AcceptedTransferSyntaxPreference} ("Proposer"). Each file comes back from
 * {@code GET /instances/{id}/file} with the same data set element for element as dcmdump shows it,
 * stored in the transfer syntax its sender put first ({@link StoredCopies#compare}):
 * <ul>
 * <li>sent by DCMTK dcmsend, every file it can send: a compressed or deflated file in its own
 *     syntax (dcmsend proposes that first); an uncompressed file in Explicit VR Little Endian,
 *     because dcmsend 3.6.7 proposes, for every uncompressed file, one context with Explicit VR
 *     LE, Explicit VR BE, Implicit VR LE in that order (its A-ASSOCIATE-RQ, {@code dcmsend -d});</li>
 * <li>sent by storescu {@code -xb} / {@code -xi}, every big-endian / implicit file: in its own syntax;</li>
 * <li>sent by Custodian's own SCU (REST upload to a first archive, {@code /modalities/{id}/store}
 *     to a second): a file of each of seven syntaxes, in its own syntax.</li>
 * </ul>
 * The corpus holds one instance in several syntaxes, so files go in rounds of distinct SOP
 * Instance UIDs, one association per round, each round's instances deleted once checked.
 */
class CorpusStoreAsSentIT {
    private static final Set<String> UNCOMPRESSED = Set.of(Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian,
            Uid.ImplicitVRLittleEndian);

    /** The files issue #14 names. */
    static final List<String> NAMED = List.of("test_files/rtdose_expb.dcm", "test_files/rtdose_expb_1frame.dcm",
            "test_files/rtdose_rle.dcm", "test_files/rtdose_rle_1frame.dcm");

    /** One file per syntax (Explicit/Implicit VR LE, Explicit VR BE, deflate, RLE, JPEG, JPEG 2000) for our SCU. */
    static final List<String> OUR_SCU_FILES = List.of("test_files/CT_small.dcm", "test_files/MR_small_implicit.dcm",
            "test_files/MR_small_expb.dcm", "test_files/image_dfl.dcm", "test_files/MR_small_RLE.dcm",
            "test_files/JPEG-lossy.dcm", "test_files/JPEG2000.dcm");

    /** Files DCMTK cannot send, with the reason; none of them reaches a negotiation. */
    static final Map<String, String> NOT_SENT = notSent();

    /** A file sent in its own syntax and refused for a reason unrelated to negotiation: the status and why. */
    record Refusal(String status, String reason) {
    }

    /** Files dcmsend sends in their own syntax (its report's Network Xfer) and Custodian refuses, with the reason. */
    static final Map<String, Refusal> REFUSED = refused();

    private static Map<String, Refusal> refused() {
        Map<String, Refusal> m = new LinkedHashMap<>();
        // storescu refuses these files ("missing SOP class"); Orthanc 1.10.1 proposes abstract syntax "31".
        Refusal un = new Refusal("0x0122", "the data set's SOP Class UID is written with VR UN; DCMTK reads it as"
                + " \"31\" and puts that in the C-STORE-RQ: no such SOP class");
        m.put("test_files/rtdose_rle.dcm", un);
        m.put("test_files/rtdose_rle_1frame.dcm", un);
        Refusal palette = new Refusal("0xa900", "a Color Palette (PS3.3 A.58) has no patient, study or series;"
                + " the archive indexes by Study/Series Instance UID");
        for (String f : List.of("fall", "hotiron", "hotmetalblue", "pet", "pet20step", "spring", "summer", "winter")) {
            m.put("palettes/" + f + ".dcm", palette);
        }
        return Map.copyOf(m);
    }

    private static Map<String, String> notSent() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : List.of("ExplVR_BigEndNoMeta.dcm", "ExplVR_LitEndNoMeta.dcm", "no_meta.dcm", "rtstruct.dcm")) {
            m.put("test_files/" + f, "dcmsend: \"File meta information header missing\" (it sends Part 10 files only)");
        }
        for (String f : List.of("dicomdirtests/DICOMDIR-empty.dcm", "empty_charset_LEI.dcm", "meta_missing_tsyntax.dcm",
                "nested_priv_SQ.dcm")) {
            m.put("test_files/" + f, "dcmsend: \"Invalid SOP Class UID\" in the meta header (none, or a DICOMDIR)");
        }
        for (String f : List.of("charset_files/chrSQEncoding.dcm", "charset_files/chrSQEncoding1.dcm",
                "test_files/UN_sequence.dcm", "test_files/no_meta_group_length.dcm", "test_files/priv_SQ.dcm")) {
            m.put(f, "dcmsend: \"Cannot send SOP instance, missing information\" (no SOP Class UID in the data set)");
        }
        m.put("test_files/MR_truncated.dcm", "truncated on purpose: dcmsend \"premature end of stream\"");
        m.put("test_files/rtplan_truncated.dcm", "truncated on purpose: dcmsend \"Invalid stream\"");
        m.put("test_files/SC_rgb_jpeg.dcm", "malformed: dcmsend (and dcmdump) \"Unknown Tag & Data (4544,4952) larger"
                + " than remaining bytes in file\"");
        return Map.copyOf(m);
    }

    private static List<Original> originals(List<String> problems) {
        List<Original> out = new ArrayList<>();
        for (String name : Corpus.dcmFiles()) {
            if (!NOT_SENT.containsKey(name)) {
                StoredCopies.read(name, problems).ifPresent(out::add);
            }
        }
        return out;
    }

    @Test
    void dcmsendFilesAreStoredInTheSyntaxItProposesFirstWithTheSameElements(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        List<Original> originals = originals(failures);
        assertThat(originals).extracting(Original::name).containsAll(NAMED);
        assertThat(originals.size() + NOT_SENT.size()).as("every .dcm file is sent or listed with its reason")
                .isEqualTo(Corpus.dcmFiles().size());
        Map<String, Integer> compared = new java.util.TreeMap<>();
        try (Application app = StoredCopies.start(dir, "")) {
            int r = 0;
            for (List<Original> round : StoredCopies.rounds(originals)) {
                Path work = Files.createDirectories(dir.resolve("round-" + r++));
                Map<String, DcmsendReport.Outcome> outcomes = dcmsend(app.dicomPort(), round, work, failures);
                Map<String, String> stored = StoredCopies.stored(app.httpPort());
                for (Original o : round) {
                    DcmsendReport.Outcome outcome = outcomes.get(o.path().toString());
                    if (outcome != null) {
                        failures.addAll(check(app.httpPort(), o, outcome, stored.get(o.sopInstanceUid()), work, compared));
                    }
                }
                StoredCopies.deleteAll(app.httpPort());
            }
        }
        System.out.println("CorpusStoreAsSentIT dcmsend: " + originals.size() + " files, compared " + compared
                + ", refused as listed " + REFUSED.size() + ", not sent " + NOT_SENT.size());
        assertThat(failures).as("files not stored as dcmsend sent them (of %d)", originals.size()).isEmpty();
    }

    /** dcmsend of one round on one association; its report's outcome per file (a file it left out is a failure). */
    private static Map<String, DcmsendReport.Outcome> dcmsend(int port, List<Original> round, Path work,
                                                             List<String> failures) throws Exception {
        Path report = work.resolve("dcmsend-report.txt");
        List<String> command = new ArrayList<>(List.of("dcmsend", "-nh", "-aet", "ITSCU", "-aec", StoredCopies.AET,
                "+crf", report.toString(), "127.0.0.1", Integer.toString(port)));
        round.forEach(o -> command.add(o.path().toString()));
        Tools.Result sent = Tools.run(Duration.ofSeconds(120), command);
        Map<String, DcmsendReport.Outcome> outcomes = Files.exists(report)
                ? DcmsendReport.parse(Files.readString(report, StandardCharsets.ISO_8859_1)) : Map.of();
        round.stream().filter(o -> !outcomes.containsKey(o.path().toString()))
                .forEach(o -> failures.add(o.name() + ": not in dcmsend's report:\n" + sent.output()));
        return outcomes;
    }

    /**
     * One file dcmsend sent: if it is in {@link #REFUSED}, refused with the listed status after
     * negotiating its own syntax; else stored in the syntax dcmsend proposed first, same elements.
     */
    private static List<String> check(int httpPort, Original o, DcmsendReport.Outcome outcome, String id, Path work,
                                      Map<String, Integer> compared) throws Exception {
        Refusal refusal = REFUSED.get(o.name());
        if (refusal != null) {
            boolean asExpected = outcome.status().startsWith(refusal.status())
                    && outcome.networkSyntax().equals(o.transferSyntaxUid());
            return asExpected ? List.of() : List.of(o.name() + ": expected " + refusal + " after negotiating its own"
                    + " syntax, got " + outcome);
        }
        if (!outcome.success() || id == null) {
            return List.of(o.name() + ": dcmsend " + outcome + ", stored " + (id != null));
        }
        boolean uncompressed = UNCOMPRESSED.contains(o.transferSyntaxUid());
        compared.merge(uncompressed ? "uncompressed, as Explicit VR LE" : "in their own syntax", 1, Integer::sum);
        String expected = uncompressed ? Uid.ExplicitVRLittleEndian : o.transferSyntaxUid();
        return StoredCopies.compare(httpPort, id, o, expected, work).stream().map(d -> o.name() + ": " + d).toList();
    }

    @Test
    void storescuStoresBigEndianAndImplicitFilesInTheirOwnSyntax(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        List<Original> originals = originals(failures).stream()
                .filter(o -> o.transferSyntaxUid().equals(Uid.ExplicitVRBigEndian)
                        || o.transferSyntaxUid().equals(Uid.ImplicitVRLittleEndian)).toList();
        assertThat(originals).extracting(Original::name).contains(NAMED.get(0), NAMED.get(1));
        try (Application app = StoredCopies.start(dir, "")) {
            for (List<Original> round : StoredCopies.rounds(originals)) {
                for (String syntax : List.of(Uid.ExplicitVRBigEndian, Uid.ImplicitVRLittleEndian)) {
                    // -R: contexts for the files' SOP classes only (the default list lacks some of them)
                    List<String> command = new ArrayList<>(List.of("storescu", "-R",
                            syntax.equals(Uid.ExplicitVRBigEndian) ? "-xb" : "-xi", "-aet", "ITSCU", "-aec",
                            StoredCopies.AET, "127.0.0.1", Integer.toString(app.dicomPort())));
                    round.stream().filter(o -> o.transferSyntaxUid().equals(syntax))
                            .forEach(o -> command.add(o.path().toString()));
                    if (command.size() > 9) {
                        Tools.run(Duration.ofSeconds(120), command).requireSuccess("storescu");
                    }
                }
                checkRound(app.httpPort(), round, dir.resolve("copies"), failures);
            }
        }
        assertThat(failures).as("files not stored as storescu sent them (of %d)", originals.size()).isEmpty();
    }

    /**
     * Files of seven syntaxes uploaded to one Custodian and sent by its SCU to another: each
     * stored there in its own syntax. (The four files the issue names cannot be used here: their
     * meta header's SOP Instance UID differs from their data set's, and the SCU sends the meta
     * header's, which the receiver refuses with A900.)
     */
    @Test
    void ourScuSendsEachFileInItsOwnSyntax(@TempDir Path dir) throws Exception {
        List<String> failures = new ArrayList<>();
        List<Original> files = OUR_SCU_FILES.stream().map(n -> StoredCopies.read(n, failures).orElseThrow()).toList();
        try (Application receiver = StoredCopies.start(dir.resolve("receiver"), "");
             Application sender = StoredCopies.start(dir.resolve("sender"), "\"DicomModalities\": { \"receiver\": [\""
                     + StoredCopies.AET + "\", \"127.0.0.1\", " + receiver.dicomPort() + "] }")) {
            for (List<Original> round : StoredCopies.rounds(files)) {
                for (Original o : round) {
                    HttpResponse<String> up = Http.post(sender.httpPort(), "/instances", Files.readAllBytes(o.path()));
                    assertThat(up.statusCode()).as("upload of %s: %s", o.name(), up.body()).isEqualTo(200);
                }
                String ids = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                        StoredCopies.stored(sender.httpPort()).values());
                HttpResponse<String> store = Http.post(sender.httpPort(), "/modalities/receiver/store",
                        ids.getBytes(StandardCharsets.UTF_8));
                assertThat(store.statusCode()).as(store.body()).isEqualTo(200);
                checkRound(receiver.httpPort(), round, dir.resolve("copies"), failures);
                StoredCopies.deleteAll(sender.httpPort());
            }
        }
        assertThat(failures).as("files not stored as our SCU sent them").isEmpty();
    }

    /** Each original of the round stored in its own syntax with the same elements; then all deleted. */
    private static void checkRound(int httpPort, List<Original> round, Path work, List<String> failures)
            throws Exception {
        Map<String, String> stored = StoredCopies.stored(httpPort);
        for (Original o : round) {
            String id = stored.get(o.sopInstanceUid());
            if (id == null) {
                failures.add(o.name() + ": not stored");
            } else {
                StoredCopies.compare(httpPort, id, o, o.transferSyntaxUid(), work)
                        .forEach(d -> failures.add(o.name() + ": " + d));
            }
        }
        StoredCopies.deleteAll(httpPort);
    }
}
