package dev.custodian.net.pdu;

/** A-RELEASE-RQ PDU: no parameters besides its type. PS3.8 §9.3.6. */
public record AReleaseRq() implements Pdu {
    @Override
    public int type() {
        return TYPE_A_RELEASE_RQ;
    }
}
