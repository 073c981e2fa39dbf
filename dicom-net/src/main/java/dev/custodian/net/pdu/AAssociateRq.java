package dev.custodian.net.pdu;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A-ASSOCIATE-RQ PDU. PS3.8 §9.3.2. AE titles are held without their space padding.
 *
 * @param protocolVersion bit field; bit 0 set = version 1, the only one defined
 */
public record AAssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContextName, List<PresentationContextRq> presentationContexts,
                           UserInformation userInformation) implements Pdu {

    /** The DICOM application context name. PS3.7 Annex A.2.1. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AAssociateRq {
        if (protocolVersion < 0 || protocolVersion > 0xFFFF) {
            throw new IllegalArgumentException("protocol version out of range: " + protocolVersion);
        }
        calledAeTitle = Names.aeTitle(calledAeTitle, "called AE title");
        callingAeTitle = Names.aeTitle(callingAeTitle, "calling AE title");
        Names.uid(applicationContextName, "application context name");
        presentationContexts = List.copyOf(presentationContexts);
        Objects.requireNonNull(userInformation, "userInformation");
        var ids = new HashSet<Integer>();
        for (PresentationContextRq pc : presentationContexts) {
            if (!ids.add(pc.id())) {
                throw new IllegalArgumentException("duplicate presentation context ID " + pc.id());
            }
        }
    }

    @Override
    public int type() {
        return TYPE_A_ASSOCIATE_RQ;
    }
}
