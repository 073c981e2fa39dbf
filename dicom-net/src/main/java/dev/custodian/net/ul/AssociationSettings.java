package dev.custodian.net.ul;

import dev.custodian.net.pdu.PduLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of one association, both sides.
 *
 * @param limits                    what we accept when reading; {@code limits.maxPDataLength()} is
 *                                  the maximum length we announce (PS3.8 Annex D.1)
 * @param artimTimeout              ARTIM: awaiting the A-ASSOCIATE-RQ and awaiting the close after
 *                                  A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT (PS3.8 §9.1.5)
 * @param idleTimeout               no PDU for this long on an established association → A-ABORT;
 *                                  {@link Duration#ZERO} = never
 * @param maxCommandLength          largest DIMSE command set accepted (commands are kept in memory)
 * @param maxSendPduLength          largest P-DATA-TF we send when the peer announces no limit (0)
 * @param implementationClassUid    ours, sent in every A-ASSOCIATE-RQ/AC (PS3.7 D.3.3.2)
 * @param implementationVersionName ours, 1-16 characters
 */
public record AssociationSettings(PduLimits limits, Duration artimTimeout, Duration idleTimeout, int maxCommandLength,
                                  int maxSendPduLength, String implementationClassUid,
                                  String implementationVersionName) {

    /** Custodian's implementation class UID (a UUID-derived UID, PS3.5 §B.2). */
    public static final String CUSTODIAN_IMPLEMENTATION_CLASS_UID = "2.25.25091117407854822425750732915525736213";
    public static final String CUSTODIAN_VERSION_NAME = "CUSTODIAN_0.1";

    public static final AssociationSettings DEFAULT = new AssociationSettings(PduLimits.DEFAULT,
            Duration.ofSeconds(30), Duration.ofMinutes(5), 65_536, 65_536,
            CUSTODIAN_IMPLEMENTATION_CLASS_UID, CUSTODIAN_VERSION_NAME);

    public AssociationSettings {
        Objects.requireNonNull(limits, "limits");
        positive(artimTimeout, "artimTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout is negative");
        }
        if (maxCommandLength < 64) {
            throw new IllegalArgumentException("maxCommandLength too small: " + maxCommandLength);
        }
        if (maxSendPduLength < 64) {
            throw new IllegalArgumentException("maxSendPduLength too small: " + maxSendPduLength);
        }
        new dev.custodian.net.pdu.ImplementationClassUid(implementationClassUid);
        new dev.custodian.net.pdu.ImplementationVersionName(implementationVersionName);
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    public AssociationSettings withTimeouts(Duration artim, Duration idle) {
        return new AssociationSettings(limits, artim, idle, maxCommandLength, maxSendPduLength,
                implementationClassUid, implementationVersionName);
    }

    public AssociationSettings withLimits(PduLimits newLimits) {
        return new AssociationSettings(newLimits, artimTimeout, idleTimeout, maxCommandLength, maxSendPduLength,
                implementationClassUid, implementationVersionName);
    }
}
