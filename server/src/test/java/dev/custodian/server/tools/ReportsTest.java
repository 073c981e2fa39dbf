package dev.custodian.server.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.net.dimse.Status;
import dev.custodian.stgcmt.CommitmentReport;
import dev.custodian.stgcmt.CommitmentRequest;
import dev.custodian.stgcmt.FailedReference;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.RemoteAe;
import dev.custodian.stgcmt.SopReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports the tools print: in words (Failure Reasons included) and as JSON, and their exit codes. */
class ReportsTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final RemoteAe ORTHANC = new RemoteAe("ORTHANC", "localhost", 4242);
    private static final SopReference A = new SopReference(CT, "1.2.3.1");
    private static final SopReference B = new SopReference(CT, "1.2.3.2");
    private static final SopReference C = new SopReference(CT, "1.2.3.3");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private void print(CommitmentOutcome o) {
        new CommitmentText("stgcmt").print(o, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void committedAndFailedInstancesWithTheFailureReasonInWords() {
        CommitmentRequest rq = new CommitmentRequest("2.25.1", List.of(A, B));
        CommitmentOutcome o = new CommitmentOutcome(ORTHANC, List.of(TransactionOutcome.reported(rq,
                new CommitmentReport("2.25.1", "ORTHANC", List.of(A),
                        List.of(new FailedReference(B, FailureReason.NO_SUCH_OBJECT_INSTANCE))))), null);

        print(o);

        assertThat(out.toString().lines()).containsExactly(
                "Storage Commitment by ORTHANC@localhost:4242, transaction 2.25.1 (2 instances): Failure, retrieve "
                        + "from ORTHANC",
                "  committed  1.2.3.1  CT Image Storage",
                "  failed     1.2.3.2  CT Image Storage  Failure Reason 274 (0112H) No such object instance",
                "Failure: 1 committed, 1 failed");
        assertThat(err.toString()).isEmpty();
        assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void anUnknownFailureReasonIsKeptAndNamedSo() {
        assertThat(CommitmentText.reason(new FailedReference(A, FailureReason.of(0xC123))))
                .isEqualTo("Failure Reason 49443 (C123H) Unknown failure reason");
        assertThat(CommitmentText.reason(new FailedReference(A, FailureReason.RESOURCE_LIMITATION)))
                .isEqualTo("Failure Reason 531 (0213H) Resource limitation");
    }

    @Test
    void instancesMissingFromTheReportAreNotCommitted() {
        CommitmentRequest rq = new CommitmentRequest("2.25.2", List.of(A, B));
        CommitmentOutcome o = new CommitmentOutcome(ORTHANC, List.of(TransactionOutcome.reported(rq,
                new CommitmentReport("2.25.2", null, List.of(A), List.of()))), null);

        print(o);

        assertThat(out.toString()).contains("  missing    1.2.3.2  CT Image Storage  (not in the report)",
                "Failure: 1 committed, 0 failed, 1 without a report");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void theWorstTransactionDecidesTheExitCode() {
        CommitmentRequest ok = new CommitmentRequest("2.25.3", List.of(A));
        CommitmentRequest late = new CommitmentRequest("2.25.4", List.of(B));
        CommitmentRequest refused = new CommitmentRequest("2.25.5", List.of(C));
        TransactionOutcome committed = TransactionOutcome.reported(ok, new CommitmentReport("2.25.3", null,
                List.of(A), List.of()));
        TransactionOutcome timedOut = TransactionOutcome.failed(late, TransactionOutcome.State.TIMED_OUT,
                "no report within 30 s");
        TransactionOutcome no = TransactionOutcome.failed(refused, TransactionOutcome.State.REFUSED,
                "refused with status 0110H FAILURE");

        assertThat(new CommitmentOutcome(ORTHANC, List.of(committed), null).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new CommitmentOutcome(ORTHANC, List.of(committed, timedOut), null).exitCode())
                .isEqualTo(ExitCodes.TIMEOUT);
        CommitmentOutcome all = new CommitmentOutcome(ORTHANC, List.of(committed, timedOut, no), null);
        assertThat(all.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(CommitmentOutcome.unreachable(ORTHANC, "connection refused").exitCode())
                .isEqualTo(ExitCodes.REFUSED);

        print(all);
        assertThat(err.toString().lines()).containsExactly(
                "custodian stgcmt: transaction 2.25.4: no report within 30 s",
                "custodian stgcmt: transaction 2.25.5: refused with status 0110H FAILURE");
        assertThat(out.toString()).contains("transaction 2.25.4 (1 instance): Timeout",
                "transaction 2.25.5 (1 instance): Refused", "Refused: 1 committed, 0 failed, 2 without a report");
    }

    @Test
    void unreachableIsOneLine() {
        print(CommitmentOutcome.unreachable(ORTHANC, "connection refused"));
        assertThat(err.toString().lines()).containsExactly(
                "custodian stgcmt: cannot associate with ORTHANC@localhost:4242: connection refused");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jsonUsesOrthancsFieldNames() throws Exception {
        CommitmentRequest rq = new CommitmentRequest("2.25.6", List.of(A, B));
        CommitmentOutcome o = new CommitmentOutcome(ORTHANC, List.of(TransactionOutcome.reported(rq,
                new CommitmentReport("2.25.6", null, List.of(A),
                        List.of(new FailedReference(B, FailureReason.NO_SUCH_OBJECT_INSTANCE))))), null);

        JsonNode json = new ObjectMapper().readTree(Inputs.pretty(CommitmentJson.of(o)));

        assertThat(json.get("RemoteAET").asText()).isEqualTo("ORTHANC");
        assertThat(json.get("Status").asText()).isEqualTo("Failure");
        assertThat(json.get("ExitCode").asInt()).isEqualTo(1);
        assertThat(json.get("Success").get(0).get("SOPInstanceUID").asText()).isEqualTo("1.2.3.1");
        JsonNode failure = json.get("Failures").get(0);
        assertThat(failure.get("SOPClassUID").asText()).isEqualTo(CT);
        assertThat(failure.get("SOPInstanceUID").asText()).isEqualTo("1.2.3.2");
        assertThat(failure.get("FailureReason").asInt()).isEqualTo(274);
        assertThat(failure.get("Description").asText()).isEqualTo("No such object instance");
        assertThat(json.get("Transactions").get(0).get("TransactionUID").asText()).isEqualTo("2.25.6");
        assertThat(json.get("NotReported")).isEmpty();
    }

    @Test
    void storeReportListsFailuresOnStderrAndSumsUp() throws Exception {
        DicomInput ok = new DicomInput(Path.of("a.dcm"), CT, "1.2.3.1", "1.2.840.10008.1.2.1", 2_097_152);
        DicomInput warned = new DicomInput(Path.of("b.dcm"), CT, "1.2.3.2", "1.2.840.10008.1.2.1", 1_048_576);
        DicomInput bad = new DicomInput(Path.of("c.dcm"), CT, "1.2.3.3", "1.2.840.10008.1.2.1", 100);
        StoreOutcome o = new StoreOutcome(ORTHANC, List.of(new StoreOutcome.Result(ok, Status.SUCCESS, null),
                new StoreOutcome.Result(warned, Status.COERCION_OF_DATA_ELEMENTS, null),
                new StoreOutcome.Result(bad, Status.OUT_OF_RESOURCES, null)), 3, null, 0, Duration.ofSeconds(2));

        StoreReport.print(o, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(err.toString().lines()).containsExactly(
                "custodian store: c.dcm: C-STORE failed with status A700H FAILURE");
        assertThat(out.toString().lines()).containsExactly("  warning  b.dcm: C-STORE status B000H WARNING",
                "Sent 2 of 3 instances (3.0 MB) to ORTHANC@localhost:4242 in 2.0 s (1 instances/s); 1 failed");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = new ObjectMapper().readTree(Inputs.pretty(StoreReport.json(o)));
        assertThat(json.get("Sent").asInt()).isEqualTo(2);
        assertThat(json.get("Failures").get(0).get("Status").asText()).isEqualTo("A700");
        assertThat(json.get("Warnings").get(0).get("File").asText()).isEqualTo("b.dcm");
    }

    @Test
    void aStoreStoppedEarlyHasTheExitCodeOfWhyAndSaysSoOnce() {
        DicomInput f = new DicomInput(Path.of("a.dcm"), CT, "1.2.3.1", "1.2.840.10008.1.2.1", 10);
        StoreOutcome o = new StoreOutcome(ORTHANC, List.of(), 1,
                "cannot associate with ORTHANC@localhost:4242: connection refused", ExitCodes.REFUSED, Duration.ZERO);

        StoreReport.print(o, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(err.toString().lines()).containsExactly(
                "custodian store: cannot associate with ORTHANC@localhost:4242: connection refused");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(f.reference()).isEqualTo(A);
    }
}
