package dev.custodian.net.pdu;

import java.util.List;

/** P-DATA-TF PDU: one or more presentation data value items. PS3.8 §9.3.5. */
public record PDataTf(List<Pdv> pdvs) implements Pdu {

    public PDataTf {
        pdvs = List.copyOf(pdvs);
        if (pdvs.isEmpty()) {
            throw new IllegalArgumentException("a P-DATA-TF PDU carries at least one PDV");
        }
    }

    /** Length of the PDU variable field (what the peer's maximum length limits). */
    public long variableLength() {
        return pdvs.stream().mapToLong(Pdv::encodedLength).sum();
    }

    @Override
    public int type() {
        return TYPE_P_DATA_TF;
    }
}
