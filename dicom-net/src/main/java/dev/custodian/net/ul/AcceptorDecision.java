package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateRj;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.RejectSource;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInfoItem;
import java.util.List;
import java.util.Objects;

/** What an {@link AcceptorPolicy} decided about an A-ASSOCIATE-RQ. */
public sealed interface AcceptorDecision {

    /**
     * Accept, answering every proposed presentation context.
     *
     * @param roleSelections answers to the requestor's role selection items (PS3.7 D.3.3.4)
     * @param extraUserInfo  further user information sub-items for the AC (e.g. extended negotiation)
     */
    record Accept(List<PresentationContextAc> contexts, List<ScpScuRoleSelection> roleSelections,
                  List<UserInfoItem> extraUserInfo) implements AcceptorDecision {
        public Accept {
            contexts = List.copyOf(contexts);
            roleSelections = List.copyOf(roleSelections);
            extraUserInfo = List.copyOf(extraUserInfo);
        }
    }

    /** Reject with an A-ASSOCIATE-RJ. PS3.8 §9.3.4. */
    record Reject(AAssociateRj rejection) implements AcceptorDecision {
        public Reject {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static Reject calledAeNotRecognized() {
        return new Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                AAssociateRj.USER_CALLED_AE_TITLE_NOT_RECOGNIZED));
    }

    static Reject callingAeNotRecognized() {
        return new Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                AAssociateRj.USER_CALLING_AE_TITLE_NOT_RECOGNIZED));
    }

    static Reject applicationContextNotSupported() {
        return new Reject(new AAssociateRj(RejectResult.REJECTED_PERMANENT, RejectSource.SERVICE_USER,
                AAssociateRj.USER_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED));
    }

    static Reject noReasonGiven(RejectResult result) {
        return new Reject(new AAssociateRj(result, RejectSource.SERVICE_USER, AAssociateRj.USER_NO_REASON_GIVEN));
    }

    /** Too many associations: rejected-transient, service-provider (presentation), local-limit-exceeded. */
    static Reject localLimitExceeded() {
        return new Reject(new AAssociateRj(RejectResult.REJECTED_TRANSIENT, RejectSource.SERVICE_PROVIDER_PRESENTATION,
                AAssociateRj.PRESENTATION_LOCAL_LIMIT_EXCEEDED));
    }
}
