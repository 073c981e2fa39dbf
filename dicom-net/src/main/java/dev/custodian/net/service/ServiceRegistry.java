package dev.custodian.net.service;

import dev.custodian.dicom.dict.Uid;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DIMSE services this application offers, keyed by SOP Class UID, and the roles they imply
 * for association negotiation (which abstract syntaxes to accept, which SCP/SCU role
 * selections to grant). Immutable; built with {@link #builder()}.
 */
public final class ServiceRegistry {
    private final Map<String, CEchoService> echo;
    private final Map<String, CStoreService> store;
    private final Map<String, NActionHandler> action;
    private final Map<String, NEventReportHandler> eventReport;
    private final Map<String, ServiceRoles> roles;

    private ServiceRegistry(Builder b) {
        this.echo = Map.copyOf(b.echo);
        this.store = Map.copyOf(b.store);
        this.action = Map.copyOf(b.action);
        this.eventReport = Map.copyOf(b.eventReport);
        this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(b.roles));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Abstract syntaxes (SOP Class UIDs) to accept, with the roles we take, in registration order. */
    public Map<String, ServiceRoles> abstractSyntaxes() {
        return roles;
    }

    /** True when {@code sopClassUid} has any service. */
    public boolean supports(String sopClassUid) {
        return roles.containsKey(sopClassUid);
    }

    public Optional<CEchoService> echo(String sopClassUid) {
        return Optional.ofNullable(echo.get(sopClassUid));
    }

    public Optional<CStoreService> store(String sopClassUid) {
        return Optional.ofNullable(store.get(sopClassUid));
    }

    public Optional<NActionHandler> action(String sopClassUid) {
        return Optional.ofNullable(action.get(sopClassUid));
    }

    public Optional<NEventReportHandler> eventReport(String sopClassUid) {
        return Optional.ofNullable(eventReport.get(sopClassUid));
    }

    /** Collects services; a SOP class may have one service per DIMSE operation. */
    public static final class Builder {
        private final Map<String, CEchoService> echo = new HashMap<>();
        private final Map<String, CStoreService> store = new HashMap<>();
        private final Map<String, NActionHandler> action = new HashMap<>();
        private final Map<String, NEventReportHandler> eventReport = new HashMap<>();
        private final Map<String, ServiceRoles> roles = new LinkedHashMap<>();

        private Builder() {
        }

        /** The Verification SCP (PS3.4 Annex A) answering every C-ECHO with Success. */
        public Builder verification() {
            return echo(Uid.Verification, CEchoService.SUCCESS);
        }

        /** A C-ECHO SCP for {@code sopClassUid}. */
        public Builder echo(String sopClassUid, CEchoService service) {
            put(echo, sopClassUid, service, "C-ECHO");
            return role(sopClassUid, new ServiceRoles(true, false));
        }

        /** One C-STORE SCP for each of {@code sopClassUids} (e.g. {@link StorageSopClasses#standard()}). */
        public Builder store(CStoreService service, Collection<String> sopClassUids) {
            for (String uid : sopClassUids) {
                put(store, uid, service, "C-STORE");
                role(uid, new ServiceRoles(true, false));
            }
            return this;
        }

        /** The N-ACTION performer for {@code sopClassUid}: we are its SCP. */
        public Builder action(String sopClassUid, NActionHandler handler) {
            put(action, sopClassUid, handler, "N-ACTION");
            return role(sopClassUid, new ServiceRoles(true, false));
        }

        /**
         * The N-EVENT-REPORT receiver for {@code sopClassUid}: we are its SCU, and accept
         * associations whose requestor takes the SCP role to send us the report.
         */
        public Builder eventReport(String sopClassUid, NEventReportHandler handler) {
            put(eventReport, sopClassUid, handler, "N-EVENT-REPORT");
            return role(sopClassUid, new ServiceRoles(false, true));
        }

        public ServiceRegistry build() {
            return new ServiceRegistry(this);
        }

        private <S> void put(Map<String, S> map, String uid, S service, String what) {
            if (uid == null || service == null) {
                throw new IllegalArgumentException(what + ": SOP Class UID and service are required");
            }
            if (map.putIfAbsent(uid, service) != null) {
                throw new IllegalArgumentException(what + " service already registered for " + uid);
            }
        }

        private Builder role(String uid, ServiceRoles r) {
            roles.merge(uid, r, ServiceRoles::or);
            return this;
        }
    }
}
