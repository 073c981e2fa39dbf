package dev.custodian.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one transfer syntax an acceptor takes from a presentation context (PS3.8 §9.3.3.2). */
class TransferSyntaxSelectionTest {
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String BIG = "1.2.840.10008.1.2.2";
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String JPEG = "1.2.840.10008.1.2.4.50";
    private static final List<String> OURS = List.of(EXPLICIT, IMPLICIT, BIG, RLE);

    @Test
    void proposerOrderTakesTheFirstProposedSyntaxWeSupport() {
        assertThat(TransferSyntaxSelection.PROPOSER_ORDER.choose(OURS, List.of(RLE, EXPLICIT, IMPLICIT))).contains(RLE);
        assertThat(TransferSyntaxSelection.PROPOSER_ORDER.choose(OURS, List.of(BIG, EXPLICIT))).contains(BIG);
        assertThat(TransferSyntaxSelection.PROPOSER_ORDER.choose(OURS, List.of(JPEG, "1.2.3", IMPLICIT, EXPLICIT)))
                .as("unsupported syntaxes are skipped").contains(IMPLICIT);
    }

    @Test
    void acceptorOrderTakesOurFirstSyntaxThatWasProposed() {
        assertThat(TransferSyntaxSelection.ACCEPTOR_ORDER.choose(OURS, List.of(RLE, EXPLICIT, IMPLICIT)))
                .contains(EXPLICIT);
        assertThat(TransferSyntaxSelection.ACCEPTOR_ORDER.choose(OURS, List.of(RLE, BIG))).contains(BIG);
        assertThat(TransferSyntaxSelection.ACCEPTOR_ORDER.choose(OURS, List.of(JPEG, RLE))).contains(RLE);
    }

    @Test
    void noCommonSyntaxIsEmptyEitherWay() {
        for (TransferSyntaxSelection s : TransferSyntaxSelection.values()) {
            assertThat(s.choose(OURS, List.of(JPEG, "1.2.3"))).as(s.name()).isEmpty();
            assertThat(s.choose(OURS, List.of())).as(s.name()).isEmpty();
        }
    }
}
