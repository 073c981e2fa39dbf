package dev.custodian.net.pdu;

import java.util.List;

/** One hand-built example of every PDU type and item. */
final class PduSamples {

    private PduSamples() {
    }

    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String STGCMT = "1.2.840.10008.1.20.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    static UserInformation fullUserInfoRq() {
        return new UserInformation(List.of(
                new MaximumLength(16_384),
                new ImplementationClassUid("1.2.3.4.5"),
                new AsynchronousOperationsWindow(3, 0),
                new ScpScuRoleSelection(STGCMT, false, true),
                new ImplementationVersionName("TEST_1"),
                new SopClassExtendedNegotiation(STGCMT, new byte[] {1, 0, 1}),
                new SopClassCommonExtendedNegotiation(new byte[] {0, 3, '1', '.', '2', 0, 0}),
                new UserIdentityRq(2, true, "alice".getBytes(), "secret".getBytes()),
                new UnknownUserInfoItem(0x7F, new byte[] {9, 8, 7})));
    }

    static AAssociateRq rq() {
        return new AAssociateRq(1, "CUSTODIAN", "MODALITY", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, VERIFICATION, List.of(IMPLICIT_LE)),
                        new PresentationContextRq(3, STGCMT, List.of(EXPLICIT_LE, IMPLICIT_LE))),
                fullUserInfoRq());
    }

    static AAssociateAc ac() {
        return new AAssociateAc(1, "CUSTODIAN", "MODALITY", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(PresentationContextAc.accepted(1, IMPLICIT_LE),
                        PresentationContextAc.rejected(3, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED),
                        PresentationContextAc.rejected(5, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED),
                        PresentationContextAc.rejected(7, PresentationContextResult.USER_REJECTION),
                        PresentationContextAc.rejected(9, PresentationContextResult.NO_REASON)),
                new UserInformation(List.of(new MaximumLength(0), new ImplementationClassUid("1.2.3"),
                        new ScpScuRoleSelection(STGCMT, false, true), new UserIdentityAc("token".getBytes()),
                        new ImplementationVersionName("V"))));
    }

    static List<Pdu> all() {
        return List.of(rq(), ac(),
                new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER, 7),
                new AAssociateRj(RejectResult.REJECTED_TRANSIENT, RejectSource.SERVICE_PROVIDER_PRESENTATION, 2),
                new PDataTf(List.of(new Pdv(1, true, false, new byte[] {1, 2}), new Pdv(1, true, true, new byte[0]),
                        new Pdv(255, false, true, new byte[100]))),
                new AReleaseRq(), new AReleaseRp(),
                AAbort.byServiceUser(), AAbort.byServiceProvider(AbortReason.INVALID_PDU_PARAMETER_VALUE));
    }
}
