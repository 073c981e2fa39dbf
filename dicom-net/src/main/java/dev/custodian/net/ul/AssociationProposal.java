package dev.custodian.net.ul;

import dev.custodian.net.pdu.AAssociateRq;
import dev.custodian.net.pdu.PresentationContextRq;
import dev.custodian.net.pdu.ScpScuRoleSelection;
import dev.custodian.net.pdu.UserInfoItem;
import dev.custodian.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a requestor proposes: AE titles, presentation contexts (abstract syntax + transfer
 * syntaxes), role selections and further user information sub-items. PS3.8 §9.3.2.
 */
public record AssociationProposal(String callingAeTitle, String calledAeTitle, List<PresentationContextRq> contexts,
                                  List<ScpScuRoleSelection> roleSelections, List<UserInfoItem> extraUserInfo) {

    public AssociationProposal {
        Objects.requireNonNull(callingAeTitle, "callingAeTitle");
        Objects.requireNonNull(calledAeTitle, "calledAeTitle");
        contexts = List.copyOf(contexts);
        roleSelections = List.copyOf(roleSelections);
        extraUserInfo = List.copyOf(extraUserInfo);
        if (contexts.isEmpty()) {
            throw new IllegalArgumentException("propose at least one presentation context");
        }
    }

    public static Builder builder(String callingAeTitle, String calledAeTitle) {
        return new Builder(callingAeTitle, calledAeTitle);
    }

    /** The A-ASSOCIATE-RQ for this proposal with our settings (maximum length, implementation). */
    public AAssociateRq toRequest(AssociationSettings settings) {
        List<UserInfoItem> extras = new ArrayList<>(roleSelections);
        extras.addAll(extraUserInfo);
        return new AAssociateRq(1, calledAeTitle, callingAeTitle, AAssociateRq.DICOM_APPLICATION_CONTEXT, contexts,
                UserInformation.of(settings.limits().maxPDataLength(), settings.implementationClassUid(),
                        settings.implementationVersionName(), extras));
    }

    public static final class Builder {
        private final String calling;
        private final String called;
        private final List<PresentationContextRq> contexts = new ArrayList<>();
        private final List<ScpScuRoleSelection> roles = new ArrayList<>();
        private final List<UserInfoItem> extra = new ArrayList<>();

        private Builder(String calling, String called) {
            this.calling = calling;
            this.called = called;
        }

        /** Adds a presentation context with the next free odd ID (1, 3, 5, ...). */
        public Builder context(String abstractSyntax, String... transferSyntaxes) {
            return context(abstractSyntax, List.of(transferSyntaxes));
        }

        public Builder context(String abstractSyntax, List<String> transferSyntaxes) {
            contexts.add(new PresentationContextRq(2 * contexts.size() + 1, abstractSyntax, transferSyntaxes));
            return this;
        }

        /** Proposes roles for the local (requesting) side for an abstract syntax. */
        public Builder role(String abstractSyntax, boolean scu, boolean scp) {
            roles.add(new ScpScuRoleSelection(abstractSyntax, scu, scp));
            return this;
        }

        public Builder userInfo(UserInfoItem item) {
            extra.add(item);
            return this;
        }

        public AssociationProposal build() {
            return new AssociationProposal(calling, called, contexts, roles, extra);
        }
    }
}
