package dev.custodian.net.pdu;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A-ASSOCIATE-AC PDU. PS3.8 §9.3.3. The AE title fields are reserved in the AC but the standard
 * asks that they carry the values of the RQ, so they are kept.
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContextName, List<PresentationContextAc> presentationContexts,
                           UserInformation userInformation) implements Pdu {

    public AAssociateAc {
        if (protocolVersion < 0 || protocolVersion > 0xFFFF) {
            throw new IllegalArgumentException("protocol version out of range: " + protocolVersion);
        }
        // reserved fields in the AC: "shall not be tested when received" (PS3.8 §9.3.3), so blank is kept
        calledAeTitle = Objects.requireNonNull(calledAeTitle, "calledAeTitle").strip();
        callingAeTitle = Objects.requireNonNull(callingAeTitle, "callingAeTitle").strip();
        if (calledAeTitle.length() > 16 || callingAeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters");
        }
        Names.uid(applicationContextName, "application context name");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
    }

    public Optional<PresentationContextAc> presentationContext(int id) {
        return presentationContexts.stream().filter(pc -> pc.id() == id).findFirst();
    }

    @Override
    public int type() {
        return TYPE_A_ASSOCIATE_AC;
    }
}
