package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateAc;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.RejectResult;
import dev.custodian.net.pdu.UserInfoItem;
import dev.custodian.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptor's side of association establishment (PS3.8 §7.1, AE-6 in Sta3): asks the
 * {@link AcceptorPolicy} about the peer's A-ASSOCIATE-RQ, answers with an A-ASSOCIATE-AC (EVT7) or
 * -RJ (EVT8), and on acceptance hands the association to the {@link AssociationHandler} for its
 * {@link MessageListener}. Runs on the reader thread.
 */
final class AcceptorNegotiation {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);

    private final Association a;
    private final AcceptorPolicy policy;
    private final AssociationHandler handler;

    AcceptorNegotiation(Association association, AcceptorPolicy policy, AssociationHandler handler) {
        this.a = association;
        this.policy = policy;
        this.handler = handler;
    }

    void negotiate(AAssociateRq rq) {
        a.negotiated.requested(rq);
        AcceptorDecision decision;
        try {
            decision = policy.decide(rq, a.connection.remoteAddress());
        } catch (RuntimeException e) {
            LOG.warn("{} acceptor policy failed", a.name(), e);
            decision = AcceptorDecision.noReasonGiven(RejectResult.REJECTED_TRANSIENT);
        }
        if (decision instanceof AcceptorDecision.Reject reject) {
            a.note(CloseReason.Kind.REJECTED, "rejected: " + reject.rejection().describe(), null);
            a.machine.handle(Event.EVT8, reject.rejection());
            return;
        }
        AcceptorDecision.Accept accept = (AcceptorDecision.Accept) decision;
        List<UserInfoItem> extras = new ArrayList<>(accept.roleSelections());
        extras.addAll(accept.extraUserInfo());
        AAssociateAc ac = new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), rq.applicationContextName(),
                accept.contexts(), UserInformation.of(a.settings.limits().maxPDataLength(),
                a.settings.implementationClassUid(), a.settings.implementationVersionName(), extras));
        a.negotiated.accepted(rq, ac);
        a.machine.handle(Event.EVT7, ac);
        if (a.machine.state() != State.STA6) {
            return;
        }
        a.established.complete(null);
        try {
            a.listener = handler.established(a);
        } catch (RuntimeException e) {
            LOG.warn("{} association handler failed", a.name(), e);
            a.abort("association handler failed: " + e);
            return;
        }
        LOG.info("{} established {}", a.name(), a.negotiated.summary());
    }
}
