package dev.custodian.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** Decodes the variable field of A-ASSOCIATE-RQ / -AC PDUs. PS3.8 §9.3.2, §9.3.3. */
final class AssociateDecoder {

    static final int ITEM_APPLICATION_CONTEXT = 0x10;
    static final int ITEM_PRESENTATION_CONTEXT_RQ = 0x20;
    static final int ITEM_PRESENTATION_CONTEXT_AC = 0x21;
    static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    static final int ITEM_TRANSFER_SYNTAX = 0x40;
    static final int ITEM_USER_INFORMATION = 0x50;

    private final int maxItems;
    private final UserInfoDecoder userInfo;

    AssociateDecoder(int maxItems) {
        this.maxItems = maxItems;
        this.userInfo = new UserInfoDecoder(maxItems);
    }

    private record Fixed(int version, String called, String calling) {
    }

    private record Items(String applicationContext, List<Object> contexts, UserInformation userInfo) {
    }

    AAssociateRq decodeRq(WireCursor c) throws PduFormatException {
        Fixed f = fixed(c);
        long at = c.offset();
        Items items = items(c, true);
        try {
            return new AAssociateRq(f.version, f.called, f.calling, items.applicationContext,
                    items.contexts.stream().map(PresentationContextRq.class::cast).toList(), items.userInfo);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-RQ: " + e.getMessage());
        }
    }

    AAssociateAc decodeAc(WireCursor c) throws PduFormatException {
        Fixed f = fixed(c);
        long at = c.offset();
        Items items = items(c, false);
        try {
            return new AAssociateAc(f.version, f.called, f.calling, items.applicationContext,
                    items.contexts.stream().map(PresentationContextAc.class::cast).toList(), items.userInfo);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-AC: " + e.getMessage());
        }
    }

    private static Fixed fixed(WireCursor c) throws PduFormatException {
        int version = c.u16("protocol version");
        c.skip(2, "reserved");
        String called = c.ascii(16, "called AE title").strip();
        String calling = c.ascii(16, "calling AE title").strip();
        c.skip(32, "reserved");
        return new Fixed(version, called, calling);
    }

    private Items items(WireCursor c, boolean rq) throws PduFormatException {
        String appContext = null;
        List<Object> contexts = new ArrayList<>();
        UserInformation ui = null;
        int count = 0;
        while (c.hasRemaining()) {
            if (++count > maxItems) {
                throw c.error(AbortReason.INVALID_PDU_PARAMETER_VALUE, "more than " + maxItems + " items");
            }
            long at = c.offset();
            int type = c.u8("item type");
            c.skip(1, "reserved");
            int length = c.u16("item length");
            WireCursor item = c.slice(length, "item", type);
            switch (type) {
                case ITEM_APPLICATION_CONTEXT -> {
                    if (appContext != null) {
                        throw new PduFormatException(at, AbortReason.UNEXPECTED_PDU_PARAMETER,
                                "second application context item");
                    }
                    appContext = item.ascii(length, "application context name");
                }
                case ITEM_PRESENTATION_CONTEXT_RQ, ITEM_PRESENTATION_CONTEXT_AC -> {
                    if ((type == ITEM_PRESENTATION_CONTEXT_RQ) != rq) {
                        throw new PduFormatException(at, AbortReason.UNEXPECTED_PDU_PARAMETER,
                                String.format("presentation context item %02XH in an A-ASSOCIATE-%s", type, rq ? "RQ" : "AC"));
                    }
                    contexts.add(rq ? contextRq(item, at) : contextAc(item, at));
                }
                case ITEM_USER_INFORMATION -> {
                    if (ui != null) {
                        throw new PduFormatException(at, AbortReason.UNEXPECTED_PDU_PARAMETER,
                                "second user information item");
                    }
                    ui = userInfo.decode(item);
                }
                default -> {
                    // PS3.8 §9.3.1: items of unrecognized type are ignored (the slice skipped it)
                }
            }
        }
        if (appContext == null || appContext.isEmpty()) {
            throw c.error(AbortReason.INVALID_PDU_PARAMETER_VALUE, "no application context item");
        }
        return new Items(appContext, contexts, ui == null ? new UserInformation(List.of()) : ui);
    }

    private PresentationContextRq contextRq(WireCursor c, long at) throws PduFormatException {
        int id = c.u8("presentation context ID");
        c.skip(3, "reserved");
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (c.hasRemaining()) {
            if (transferSyntaxes.size() >= maxItems) {
                throw c.error(AbortReason.INVALID_PDU_PARAMETER_VALUE, "more than " + maxItems + " transfer syntaxes");
            }
            long subAt = c.offset();
            int type = c.u8("sub-item type");
            c.skip(1, "reserved");
            int length = c.u16("sub-item length");
            WireCursor sub = c.slice(length, "sub-item", type);
            if (type == ITEM_ABSTRACT_SYNTAX) {
                if (abstractSyntax != null) {
                    throw new PduFormatException(subAt, AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "second abstract syntax in presentation context " + id);
                }
                abstractSyntax = sub.ascii(length, "abstract syntax");
            } else if (type == ITEM_TRANSFER_SYNTAX) {
                transferSyntaxes.add(sub.ascii(length, "transfer syntax"));
            } else {
                throw new PduFormatException(subAt, AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        String.format("sub-item %02XH in presentation context %d", type, id));
            }
        }
        if (abstractSyntax == null) {
            throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "presentation context " + id + " has no abstract syntax");
        }
        try {
            return new PresentationContextRq(id, abstractSyntax, transferSyntaxes);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE, e.getMessage());
        }
    }

    private static PresentationContextAc contextAc(WireCursor c, long at) throws PduFormatException {
        int id = c.u8("presentation context ID");
        c.skip(1, "reserved");
        int resultCode = c.u8("result/reason");
        c.skip(1, "reserved");
        String ts = "";
        while (c.hasRemaining()) {
            long subAt = c.offset();
            int type = c.u8("sub-item type");
            c.skip(1, "reserved");
            int length = c.u16("sub-item length");
            WireCursor sub = c.slice(length, "sub-item", type);
            if (type != ITEM_TRANSFER_SYNTAX) {
                throw new PduFormatException(subAt, AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        String.format("sub-item %02XH in accepted presentation context %d", type, id));
            }
            ts = sub.ascii(length, "transfer syntax");
        }
        PresentationContextResult result = PresentationContextResult.fromCode(resultCode);
        if (result == null) {
            throw new PduFormatException(at + 6, AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "presentation context result " + resultCode);
        }
        try {
            return new PresentationContextAc(id, result, ts);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PduFormatException(at, AbortReason.INVALID_PDU_PARAMETER_VALUE, e.getMessage());
        }
    }
}
