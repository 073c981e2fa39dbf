package dev.custodian.net.pdu;

/**
 * A DICOM upper layer protocol data unit. PS3.8 §9.3.1.
 *
 * <p>The seven PDU types are plain immutable records; {@link PduReader} and {@link PduWriter}
 * turn them into bytes and back.
 */
public sealed interface Pdu
        permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

    /** PDU-type field, the first byte on the wire. PS3.8 §9.3.1. */
    int type();

    int TYPE_A_ASSOCIATE_RQ = 0x01;
    int TYPE_A_ASSOCIATE_AC = 0x02;
    int TYPE_A_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_A_RELEASE_RQ = 0x05;
    int TYPE_A_RELEASE_RP = 0x06;
    int TYPE_A_ABORT = 0x07;
}
