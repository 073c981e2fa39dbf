package dev.custodian.net.pdu;

import java.util.Objects;

/**
 * A-ASSOCIATE-RJ PDU. PS3.8 §9.3.4. The reason code is interpreted per source (Table 9-21):
 * service-user: 1 no-reason-given, 2 application-context-name-not-supported, 3 calling-AE-title-
 * not-recognized, 7 called-AE-title-not-recognized (4–6, 8–10 reserved); service-provider (ACSE):
 * 1 no-reason-given, 2 protocol-version-not-supported; service-provider (presentation):
 * 0 reserved, 1 temporary-congestion, 2 local-limit-exceeded.
 */
public record AAssociateRj(RejectResult result, RejectSource source, int reason) implements Pdu {

    public static final int USER_NO_REASON_GIVEN = 1;
    public static final int USER_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int USER_CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int USER_CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    public static final int ACSE_NO_REASON_GIVEN = 1;
    public static final int ACSE_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    public static final int PRESENTATION_TEMPORARY_CONGESTION = 1;
    public static final int PRESENTATION_LOCAL_LIMIT_EXCEEDED = 2;

    public AAssociateRj {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(source, "source");
        if (reason < 0 || reason > 255) {
            throw new IllegalArgumentException("A-ASSOCIATE-RJ reason out of range: " + reason);
        }
    }

    @Override
    public int type() {
        return TYPE_A_ASSOCIATE_RJ;
    }

    /** Human readable reason, e.g. for a log line. */
    public String describe() {
        String why = switch (source) {
            case SERVICE_USER -> switch (reason) {
                case 1 -> "no-reason-given";
                case 2 -> "application-context-name-not-supported";
                case 3 -> "calling-AE-title-not-recognized";
                case 7 -> "called-AE-title-not-recognized";
                default -> "reserved(" + reason + ")";
            };
            case SERVICE_PROVIDER_ACSE -> switch (reason) {
                case 1 -> "no-reason-given";
                case 2 -> "protocol-version-not-supported";
                default -> "reserved(" + reason + ")";
            };
            case SERVICE_PROVIDER_PRESENTATION -> switch (reason) {
                case 1 -> "temporary-congestion";
                case 2 -> "local-limit-exceeded";
                default -> "reserved(" + reason + ")";
            };
        };
        return result + " " + source + " " + why;
    }
}
