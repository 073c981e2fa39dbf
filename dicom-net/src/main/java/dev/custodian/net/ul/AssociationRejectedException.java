package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateRj;
import java.io.IOException;

/** The peer answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ. PS3.8 §9.3.4. */
public final class AssociationRejectedException extends IOException {

    private final AAssociateRj rejection;

    public AssociationRejectedException(AAssociateRj rejection) {
        super("association rejected: " + rejection.describe());
        this.rejection = rejection;
    }

    public AAssociateRj rejection() {
        return rejection;
    }
}
