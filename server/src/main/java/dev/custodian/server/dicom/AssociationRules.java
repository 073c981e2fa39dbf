package dev.custodian.server.dicom;

import dev.custodian.dicom.dict.Uid;
import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextAc;
import dev.custodian.net.pdu.PresentationContextResult;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.ul.AcceptorDecision;
import dev.custodian.net.ul.AcceptorPolicy;
import dev.custodian.net.ul.DefaultAcceptorPolicy;
import dev.custodian.net.ul.SupportedSyntaxes;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.config.RemoteModality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may associate and what they may do, with Orthanc's configuration keys and Orthanc's
 * behaviour (PS3.8 §9.3.4 for the rejections):
 * <ul>
 * <li>{@code DicomCheckCalledAet}: the called AE must be {@code DicomAet}, else A-ASSOCIATE-RJ
 *     rejected-permanent, service-user, called-AE-title-not-recognized;</li>
 * <li>when neither {@code DicomAlwaysAllowEcho} nor {@code DicomAlwaysAllowStore} is true, the
 *     calling AE must be a known modality (and, with {@code DicomCheckModalityHost}, come from its
 *     host), else calling-AE-title-not-recognized;</li>
 * <li>per operation: Verification is accepted when {@code DicomAlwaysAllowEcho} or the modality's
 *     {@code AllowEcho}, the storage SOP classes when {@code DicomAlwaysAllowStore} or its
 *     {@code AllowStore} (host checked as above); otherwise their presentation contexts are
 *     answered user-rejection (PS3.8 Table 9-18), so the peer learns it at negotiation time;</li>
 * <li>Storage Commitment Push Model (PS3.4 Annex J: N-ACTION to us, or the N-EVENT-REPORT of a
 *     commitment we asked for, with or without role selection) is accepted at negotiation; whether
 *     the calling AE may ask or report is decided per message, so that the refusal is readable
 *     (N-ACTION: 0124H Not Authorized with an Error Comment naming the reason).</li>
 * </ul>
 * Modalities are read at each association, so REST changes apply to the next one. The acceptor
 * policy of {@link ArchiveScp}'s {@code DicomServer}, given the peer's address with each request.
 */
public final class AssociationRules implements AcceptorPolicy {
    private final CustodianConfig config;
    private final Supplier<Map<String, RemoteModality>> modalities;
    private final DefaultAcceptorPolicy syntaxes;

    public AssociationRules(CustodianConfig config, Supplier<Map<String, RemoteModality>> modalities,
                            SupportedSyntaxes supported) {
        this.config = config;
        this.modalities = modalities;
        this.syntaxes = new DefaultAcceptorPolicy(
                config.dicomCheckCalledAet() ? Set.of(config.dicomAet()) : Set.of(), aet -> true, supported);
    }

    /** The operations the rules distinguish. */
    public enum Operation { ECHO, STORE, STORAGE_COMMITMENT }

    @Override
    public AcceptorDecision decide(AAssociateRq rq, String remoteAddress) {
        AcceptorDecision decision = syntaxes.decide(rq, remoteAddress);
        if (!(decision instanceof AcceptorDecision.Accept accept)) {
            return decision;
        }
        String calling = rq.callingAeTitle();
        String host = hostOf(remoteAddress);
        boolean anyAlways = config.dicomAlwaysAllowEcho() || config.dicomAlwaysAllowStore();
        if (!anyAlways && matching(calling, host).isEmpty()) {
            return AcceptorDecision.callingAeNotRecognized();
        }
        boolean echo = allows(Operation.ECHO, calling, host);
        boolean store = allows(Operation.STORE, calling, host);
        // A peer taking the SCP role (it sends us results) must be allowed Storage Commitment; a
        // requester is decided per N-ACTION, where the refusal can carry an Error Comment.
        boolean commitment = !reportsToUs(accept) || allows(Operation.STORAGE_COMMITMENT, calling, host);
        List<PresentationContextAc> answered = new ArrayList<>();
        for (PresentationContextAc ac : accept.contexts()) {
            String abstractSyntax = abstractSyntaxOf(rq, ac.id());
            boolean allowed = Uid.Verification.equals(abstractSyntax) ? echo
                    : Uid.StorageCommitmentPushModel.equals(abstractSyntax) ? commitment : store;
            answered.add(ac.isAccepted() && !allowed
                    ? PresentationContextAc.rejected(ac.id(), PresentationContextResult.USER_REJECTION) : ac);
        }
        return new AcceptorDecision.Accept(answered, accept.roleSelections(), accept.extraUserInfo());
    }

    /** The peer proposed, and we granted, the SCP role of Storage Commitment (PS3.7 §D.3.3.4). */
    private static boolean reportsToUs(AcceptorDecision.Accept accept) {
        return accept.roleSelections().stream()
                .anyMatch(rs -> Uid.StorageCommitmentPushModel.equals(rs.sopClassUid()) && rs.scpRole());
    }

    /** Orthanc's {@code IsAllowedRequest}: the "always" key, else a matching modality's permission. */
    public boolean allows(Operation op, String callingAet, String host) {
        if (op == Operation.STORAGE_COMMITMENT) {
            return matching(callingAet, host).stream().anyMatch(RemoteModality::allowStorageCommitment);
        }
        if (op == Operation.ECHO ? config.dicomAlwaysAllowEcho() : config.dicomAlwaysAllowStore()) {
            return true;
        }
        return matching(callingAet, host).stream()
                .anyMatch(m -> op == Operation.ECHO ? m.allowEcho() : m.allowStore());
    }

    /** Known modalities with this AE title (and this host when {@code DicomCheckModalityHost}). */
    private List<RemoteModality> matching(String callingAet, String host) {
        return modalities.get().values().stream()
                .filter(m -> m.aet().equals(callingAet))
                .filter(m -> !config.dicomCheckModalityHost() || sameHost(m.host(), host))
                .toList();
    }

    /** True when {@code actual} is {@code configured} or one of the addresses it resolves to. */
    public static boolean sameHost(String configured, String actual) {
        if (configured.equals(actual)) {
            return true;
        }
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(configured)) {
                if (a.getHostAddress().equals(actual)) {
                    return true;
                }
            }
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        return false;
    }

    /** "/127.0.0.1:1234", "127.0.0.1:1234", "[::1]:1234" → the address alone. */
    public static String hostOf(String remoteAddress) {
        if (remoteAddress == null) {
            return "";
        }
        String s = remoteAddress.startsWith("/") ? remoteAddress.substring(1) : remoteAddress;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && (s.indexOf(':') == colon || s.startsWith("["))) {
            s = s.substring(0, colon);
        }
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    private static String abstractSyntaxOf(AAssociateRq rq, int contextId) {
        for (PresentationContextRq pc : rq.presentationContexts()) {
            if (pc.id() == contextId) {
                return pc.abstractSyntax();
            }
        }
        return "";
    }
}
