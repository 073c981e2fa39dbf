package dev.custodian.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CommandCodecPropertiesTest {
    @Property(tries = 1000, seed = "20261127")
    void everyMessageSurvivesTheRoundTrip(@ForAll("messages") DimseMessage m) throws Exception {
        assertThat(CommandCodec.decode(CommandCodec.encode(m))).isEqualTo(m);
    }

    @Property(tries = 500, seed = "7")
    void arbitraryBytesNeverEscapeAsAnythingButInvalidCommand(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            CommandCodec.decode(bytes);
        } catch (InvalidCommandException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300, seed = "11")
    void corruptingOneByteOfACommandIsDecodedOrRefused(@ForAll("messages") DimseMessage m,
                                                        @ForAll byte value, @ForAll int where) {
        byte[] bytes = CommandCodec.encode(m);
        bytes[Math.floorMod(where, bytes.length)] = value;
        try {
            CommandCodec.decode(bytes);
        } catch (InvalidCommandException expected) {
            assertThat(expected.status()).isNotNull();
        }
    }

    @Provide
    Arbitrary<DimseMessage> messages() {
        Arbitrary<Integer> id = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<String> uid = Arbitraries.integers().between(1, 999_999).list().ofMinSize(2).ofMaxSize(8)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()))
                .filter(u -> u.length() <= 64);
        Arbitrary<Status> status = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.strings().alpha().numeric().withChars(' ').ofMaxLength(90).injectNull(0.5),
                Arbitraries.integers().list().ofMaxSize(3))
                .as(Status::new);
        Arbitrary<Priority> priority = Arbitraries.of(Priority.class);
        Arbitrary<Integer> type = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Boolean> data = Arbitraries.of(true, false);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(id, uid).as(CEchoRq::new),
                Combinators.combine(id, uid.injectNull(0.3), status).as(CEchoRsp::new),
                Combinators.combine(id, uid, uid, priority).as((i, c, n, p) -> new CStoreRq(i, c, n, p, null, null)),
                Combinators.combine(id, uid, uid, id).as((i, c, n, m) -> new CStoreRq(i, c, n, Priority.LOW, "MOVER", m)),
                Combinators.combine(id, uid.injectNull(0.3), uid.injectNull(0.3), status).as(CStoreRsp::new),
                Combinators.combine(id, uid, uid, type, data).as(NActionRq::new),
                Combinators.combine(id, uid, uid, type.injectNull(0.5), status, data).as(NActionRsp::new),
                Combinators.combine(id, uid, uid, type, data).as(NEventReportRq::new),
                Combinators.combine(id, uid, uid, type.injectNull(0.5), status, data).as(NEventReportRsp::new)));
    }
}
