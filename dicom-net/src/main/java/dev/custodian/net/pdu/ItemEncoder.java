package dev.custodian.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes the variable fields of A-ASSOCIATE-RQ / -AC PDUs and their items. PS3.8 §9.3.2–9.3.3. */
final class ItemEncoder {

    byte[] associateRq(AAssociateRq rq) {
        Buf b = fixed(rq.protocolVersion(), rq.calledAeTitle(), rq.callingAeTitle());
        stringItem(b, AssociateDecoder.ITEM_APPLICATION_CONTEXT, rq.applicationContextName());
        for (PresentationContextRq pc : rq.presentationContexts()) {
            Buf v = new Buf();
            v.u8(pc.id()).u8(0).u8(0).u8(0);
            stringItem(v, AssociateDecoder.ITEM_ABSTRACT_SYNTAX, pc.abstractSyntax());
            pc.transferSyntaxes().forEach(ts -> stringItem(v, AssociateDecoder.ITEM_TRANSFER_SYNTAX, ts));
            item(b, AssociateDecoder.ITEM_PRESENTATION_CONTEXT_RQ, v.toByteArray());
        }
        userInformation(b, rq.userInformation());
        return b.toByteArray();
    }

    byte[] associateAc(AAssociateAc ac) {
        Buf b = fixed(ac.protocolVersion(), ac.calledAeTitle(), ac.callingAeTitle());
        stringItem(b, AssociateDecoder.ITEM_APPLICATION_CONTEXT, ac.applicationContextName());
        for (PresentationContextAc pc : ac.presentationContexts()) {
            Buf v = new Buf();
            v.u8(pc.id()).u8(0).u8(pc.result().code()).u8(0);
            if (!pc.transferSyntax().isEmpty()) {
                stringItem(v, AssociateDecoder.ITEM_TRANSFER_SYNTAX, pc.transferSyntax());
            }
            item(b, AssociateDecoder.ITEM_PRESENTATION_CONTEXT_AC, v.toByteArray());
        }
        userInformation(b, ac.userInformation());
        return b.toByteArray();
    }

    private static Buf fixed(int version, String called, String calling) {
        Buf b = new Buf();
        b.u16(version).u16(0).bytes(padAe(called)).bytes(padAe(calling)).bytes(new byte[32]);
        return b;
    }

    private static byte[] padAe(String ae) {
        byte[] out = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] a = ae.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, out, 0, a.length);
        return out;
    }

    private void userInformation(Buf b, UserInformation ui) {
        Buf v = new Buf();
        for (UserInfoItem it : ui.items()) {
            item(v, it.itemType(), subItem(it));
        }
        item(b, AssociateDecoder.ITEM_USER_INFORMATION, v.toByteArray());
    }

    private static byte[] subItem(UserInfoItem it) {
        Buf v = new Buf();
        if (it instanceof MaximumLength m) {
            v.u32(m.maximumLength());
        } else if (it instanceof ImplementationClassUid u) {
            v.bytes(ascii(u.uid()));
        } else if (it instanceof AsynchronousOperationsWindow w) {
            v.u16(w.maxOperationsInvoked()).u16(w.maxOperationsPerformed());
        } else if (it instanceof ScpScuRoleSelection r) {
            v.lenPrefixed(ascii(r.sopClassUid())).u8(r.scuRole() ? 1 : 0).u8(r.scpRole() ? 1 : 0);
        } else if (it instanceof ImplementationVersionName n) {
            v.bytes(ascii(n.name()));
        } else if (it instanceof SopClassExtendedNegotiation e) {
            v.lenPrefixed(ascii(e.sopClassUid())).bytes(e.applicationInformation());
        } else if (it instanceof SopClassCommonExtendedNegotiation e) {
            v.bytes(e.value());
        } else if (it instanceof UserIdentityRq u) {
            v.u8(u.identityType()).u8(u.positiveResponseRequested() ? 1 : 0)
                    .lenPrefixed(u.primaryField()).lenPrefixed(u.secondaryField());
        } else if (it instanceof UserIdentityAc u) {
            v.lenPrefixed(u.serverResponse());
        } else if (it instanceof UnknownUserInfoItem u) {
            v.bytes(u.value());
        }
        return v.toByteArray();
    }

    private static void stringItem(Buf b, int type, String value) {
        item(b, type, ascii(value));
    }

    private static void item(Buf b, int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException(String.format("item %02XH longer than 65535 bytes: %d", type, value.length));
        }
        b.u8(type).u8(0).u16(value.length).bytes(value);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Big-endian growable buffer. */
    private static final class Buf extends ByteArrayOutputStream {
        Buf u8(int v) {
            write(v);
            return this;
        }

        Buf u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Buf u32(long v) {
            return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
        }

        Buf bytes(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        Buf lenPrefixed(byte[] b) {
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("field longer than 65535 bytes");
            }
            return u16(b.length).bytes(b);
        }
    }

}
