package dev.custodian.net.pdu;

import java.util.List;
import java.util.Optional;

/**
 * User information item (50H) of an A-ASSOCIATE-RQ or -AC: its sub-items in wire order.
 * PS3.8 §9.3.2.3 and §9.3.3.3, PS3.8 Annex D, PS3.7 Annex D.3.3.
 */
public record UserInformation(List<UserInfoItem> items) {

    public UserInformation {
        items = List.copyOf(items);
    }

    /** The common form: maximum length, implementation class UID and version name, then extras. */
    public static UserInformation of(long maxLength, String implementationClassUid, String versionName,
                                     List<? extends UserInfoItem> extras) {
        var list = new java.util.ArrayList<UserInfoItem>();
        list.add(new MaximumLength(maxLength));
        list.add(new ImplementationClassUid(implementationClassUid));
        list.addAll(extras);
        if (versionName != null) {
            list.add(new ImplementationVersionName(versionName));
        }
        return new UserInformation(list);
    }

    /** Maximum P-DATA-TF length the sender receives; 0 = unlimited, also when absent. */
    public long maximumLength() {
        return first(MaximumLength.class).map(MaximumLength::maximumLength).orElse(0L);
    }

    public Optional<String> implementationClassUid() {
        return first(ImplementationClassUid.class).map(ImplementationClassUid::uid);
    }

    public Optional<String> implementationVersionName() {
        return first(ImplementationVersionName.class).map(ImplementationVersionName::name);
    }

    public Optional<AsynchronousOperationsWindow> asynchronousOperationsWindow() {
        return first(AsynchronousOperationsWindow.class);
    }

    public List<ScpScuRoleSelection> roleSelections() {
        return all(ScpScuRoleSelection.class);
    }

    public Optional<ScpScuRoleSelection> roleSelection(String sopClassUid) {
        return roleSelections().stream().filter(r -> r.sopClassUid().equals(sopClassUid)).findFirst();
    }

    public <T extends UserInfoItem> List<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends UserInfoItem> Optional<T> first(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
