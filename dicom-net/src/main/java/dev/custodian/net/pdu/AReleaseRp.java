package dev.custodian.net.pdu;

/** A-RELEASE-RP PDU: no parameters besides its type. PS3.8 §9.3.7. */
public record AReleaseRp() implements Pdu {
    @Override
    public int type() {
        return TYPE_A_RELEASE_RP;
    }
}
