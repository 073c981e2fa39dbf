package dev.custodian.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property round trips: any valid PDU survives encode → decode; any bytes give a PDU or a clean error. */
class PduPropertiesTest {

    private final PduWriter writer = new PduWriter();
    private final PduReader reader = new PduReader(new PduLimits(1 << 20, 1 << 20, 4096));

    @Property(tries = 300)
    void anyPduRoundTrips(@ForAll("pdus") Pdu pdu) throws Exception {
        byte[] bytes = writer.encode(pdu);
        assertThat(reader.read(new ByteArrayInputStream(bytes))).isEqualTo(pdu);
        assertThat(reader.decode(ByteBuffer.wrap(bytes))).isEqualTo(pdu);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverEscapeAsAnythingButPduFormatException(@ForAll("junk") byte[] junk) {
        assertThatCode(() -> {
            try {
                reader.decode(ByteBuffer.wrap(junk));
            } catch (PduFormatException expected) {
                assertThat(expected.getMessage()).contains("offset");
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 500)
    void truncatedOrMutatedValidPdusGiveCleanErrors(@ForAll("pdus") Pdu pdu, @ForAll int position, @ForAll byte value) {
        byte[] bytes = writer.encode(pdu);
        bytes[Math.floorMod(position, bytes.length)] = value;
        assertThatCode(() -> {
            try {
                reader.decode(ByteBuffer.wrap(bytes, 0, Math.max(0, bytes.length - Math.floorMod(position, 3))));
            } catch (PduFormatException expected) {
                // a clean, explained rejection
            }
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> framed = Combinators.combine(Arbitraries.integers().between(1, 7),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).as((type, body) -> {
            ByteBuffer b = ByteBuffer.allocate(6 + body.length);
            b.put((byte) (int) type).put((byte) 0).putInt(body.length).put(body);
            return b.array();
        });
        return Arbitraries.oneOf(random, framed);
    }

    static Arbitrary<String> uids() {
        return Arbitraries.integers().between(0, 99_999).list().ofMinSize(1).ofMaxSize(8)
                .map(parts -> "1." + String.join(".", parts.stream().map(String::valueOf).toList()));
    }

    static Arbitrary<String> aeTitles() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '0', '1').ofMinLength(1).ofMaxLength(16);
    }

    static Arbitrary<byte[]> smallBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    static Arbitrary<UserInfoItem> userInfoItems() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(MaximumLength::new),
                uids().map(ImplementationClassUid::new),
                Combinators.combine(Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(0, 65535))
                        .as(AsynchronousOperationsWindow::new),
                Combinators.combine(uids(), Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(ScpScuRoleSelection::new),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(16)
                        .map(ImplementationVersionName::new),
                Combinators.combine(uids(), smallBytes()).as(SopClassExtendedNegotiation::new),
                smallBytes().map(SopClassCommonExtendedNegotiation::new),
                Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.of(true, false), smallBytes(),
                        smallBytes()).as(UserIdentityRq::new),
                smallBytes().map(UserIdentityAc::new),
                Combinators.combine(Arbitraries.integers().between(0x5A, 0xFF), smallBytes())
                        .as(UnknownUserInfoItem::new));
    }

    static Arbitrary<UserInformation> userInformation() {
        return userInfoItems().list().ofMaxSize(8).map(UserInformation::new);
    }

    @Provide
    Arbitrary<Pdu> pdus() {
        Arbitrary<List<PresentationContextRq>> rqContexts = Combinators.combine(uids(), uids().list().ofMinSize(1)
                .ofMaxSize(4)).as((as, ts) -> (Object) List.of(as, ts)).list().ofMaxSize(6).map(list -> {
                    List<PresentationContextRq> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        @SuppressWarnings("unchecked") List<Object> pair = (List<Object>) list.get(i);
                        @SuppressWarnings("unchecked") List<String> ts = (List<String>) pair.get(1);
                        out.add(new PresentationContextRq(2 * i + 1, (String) pair.get(0), ts));
                    }
                    return out;
                });
        Arbitrary<Pdu> rq = Combinators.combine(aeTitles(), aeTitles(), uids(), rqContexts, userInformation())
                .as((called, calling, ctx, pcs, ui) -> new AAssociateRq(1, called, calling, ctx, pcs, ui));
        Arbitrary<List<PresentationContextAc>> acContexts = Combinators.combine(
                Arbitraries.of(PresentationContextResult.class), uids()).as((r, ts) -> (Object) List.of(r, ts))
                .list().ofMaxSize(6).map(list -> {
                    List<PresentationContextAc> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        @SuppressWarnings("unchecked") List<Object> pair = (List<Object>) list.get(i);
                        PresentationContextResult r = (PresentationContextResult) pair.get(0);
                        out.add(r == PresentationContextResult.ACCEPTANCE
                                ? PresentationContextAc.accepted(2 * i + 1, (String) pair.get(1))
                                : PresentationContextAc.rejected(2 * i + 1, r));
                    }
                    return out;
                });
        Arbitrary<Pdu> ac = Combinators.combine(aeTitles(), aeTitles(), uids(), acContexts, userInformation())
                .as((called, calling, ctx, pcs, ui) -> new AAssociateAc(1, called, calling, ctx, pcs, ui));
        Arbitrary<Pdu> rj = Combinators.combine(Arbitraries.of(RejectResult.class), Arbitraries.of(RejectSource.class),
                Arbitraries.integers().between(0, 255)).as(AAssociateRj::new);
        Arbitrary<Pdv> pdv = Combinators.combine(Arbitraries.integers().between(0, 127).map(i -> 2 * i + 1),
                Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(500)).as(Pdv::new);
        Arbitrary<Pdu> pdata = pdv.list().ofMinSize(1).ofMaxSize(5).map(PDataTf::new);
        Arbitrary<Pdu> abort = Combinators.combine(Arbitraries.of(AbortSource.SERVICE_USER, AbortSource.SERVICE_PROVIDER),
                Arbitraries.of(AbortReason.class)).as((s, r) -> new AAbort(s,
                s == AbortSource.SERVICE_PROVIDER ? r : AbortReason.NOT_SPECIFIED));
        return Arbitraries.oneOf(rq, ac, rj, pdata, abort, Arbitraries.just(new AReleaseRq()),
                Arbitraries.just(new AReleaseRp()));
    }
}
