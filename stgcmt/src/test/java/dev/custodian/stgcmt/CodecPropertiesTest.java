package dev.custodian.stgcmt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.dicom.dict.Uid;
import java.io.ByteArrayInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Any valid request or report survives encoding in any native transfer syntax and decoding; any
 * one corrupted byte gives a value or a {@link CommitmentFormatException}, nothing else.
 */
class CodecPropertiesTest {
    private final ActionInformationCodec actionCodec = new ActionInformationCodec(64);
    private final EventInformationCodec eventCodec = new EventInformationCodec(64);

    @Property(tries = 200)
    void requestRoundTrip(@ForAll("requests") CommitmentRequest rq, @ForAll("syntaxes") String ts) throws Exception {
        byte[] bytes = actionCodec.write(rq, ts);
        assertThat(actionCodec.read(new ByteArrayInputStream(bytes), ts)).isEqualTo(rq);
    }

    @Property(tries = 200)
    void reportRoundTrip(@ForAll("reports") CommitmentReport report, @ForAll("syntaxes") String ts) throws Exception {
        byte[] bytes = eventCodec.write(report, ts);
        assertThat(eventCodec.read(new ByteArrayInputStream(bytes), ts, report.eventTypeId())).isEqualTo(report);
    }

    /** Corrupted Action Information decodes, or fails with a status; never anything else. */
    @Property(tries = 300)
    void corruptedRequestFailsWithAStatus(@ForAll("requests") CommitmentRequest rq, @ForAll("syntaxes") String ts,
                                          @ForAll @IntRange(min = 0, max = 10_000) int position,
                                          @ForAll byte value) throws Exception {
        byte[] bytes = actionCodec.write(rq, ts);
        bytes[position % bytes.length] = value;
        try {
            actionCodec.read(new ByteArrayInputStream(bytes), ts);
        } catch (CommitmentFormatException e) {
            assertThat(e.status().isFailure()).isTrue();
            assertThat(e.toDimseFailure().status().code()).isEqualTo(e.status().code());
        }
    }

    /** Corrupted Event Information decodes, or fails with a status; never anything else. */
    @Property(tries = 300)
    void corruptedReportFailsWithAStatus(@ForAll("reports") CommitmentReport report, @ForAll("syntaxes") String ts,
                                         @ForAll @IntRange(min = 0, max = 10_000) int position,
                                         @ForAll byte value) throws Exception {
        byte[] bytes = eventCodec.write(report, ts);
        bytes[position % bytes.length] = value;
        try {
            eventCodec.read(new ByteArrayInputStream(bytes), ts, report.eventTypeId());
        } catch (CommitmentFormatException e) {
            assertThat(e.status().isFailure()).isTrue();
        }
    }

    @Provide
    Arbitrary<String> syntaxes() {
        return Arbitraries.of(Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian, Uid.ExplicitVRBigEndian,
                Uid.DeflatedExplicitVRLittleEndian);
    }

    @Provide
    Arbitrary<CommitmentRequest> requests() {
        Arbitrary<String> fileSetId = Arbitraries.strings().withCharRange('!', '[').ofMinLength(1).ofMaxLength(16)
                .injectNull(0.5);
        return Combinators.combine(uids(), references().list().ofMinSize(1).ofMaxSize(64), fileSetId,
                uids().injectNull(0.5)).as(CommitmentRequest::new);
    }

    @Provide
    Arbitrary<CommitmentReport> reports() {
        Arbitrary<FailedReference> failed = Combinators.combine(references(),
                Arbitraries.integers().between(1, 0xFFFF).map(FailureReason::of)).as(FailedReference::new);
        Arbitrary<String> ae = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(16)
                .injectNull(0.3);
        return Combinators.combine(uids(), ae, references().list().ofMaxSize(32), failed.list().ofMaxSize(32))
                .filter((tx, a, ok, ko) -> !ok.isEmpty() || !ko.isEmpty())
                .as(CommitmentReport::new);
    }

    private static Arbitrary<SopReference> references() {
        return Combinators.combine(uids(), uids()).as(SopReference::new);
    }

    /** Valid UIDs (PS3.5 §9.1) of 1..64 characters: components without leading zeros. */
    private static Arbitrary<String> uids() {
        Arbitrary<String> component = Arbitraries.oneOf(Arbitraries.just("0"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).filter(s -> s.charAt(0) != '0'));
        return component.list().ofMinSize(1).ofMaxSize(8).map(c -> String.join(".", c))
                .filter(s -> s.length() <= 64);
    }
}
