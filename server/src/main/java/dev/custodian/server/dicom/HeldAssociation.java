package dev.custodian.server.dicom;

import dev.custodian.net.dimse.AssociationChannel;
import dev.custodian.net.service.DicomConnection;
import dev.custodian.server.config.RemoteModality;
import java.util.Map;
import java.util.Set;

/**
 * The association a store job keeps open across its steps, with the modality and the SOP classes
 * / transfer syntaxes it proposed. {@link #close()} releases it (A-RELEASE, PS3.8 §7.2) and may
 * be called any number of times; the next {@code store} then opens a new one. One thread at a time.
 */
public final class HeldAssociation implements AutoCloseable {
    private RemoteModality peer;
    private DicomConnection connection;
    private Map<String, Set<String>> proposed = Map.of();
    private int opened;

    /** True while an association is held. */
    public boolean isOpen() {
        return connection != null;
    }

    DicomConnection connection() {
        return connection;
    }

    /** How many associations this holder has opened. */
    public int opened() {
        return opened;
    }

    boolean covers(RemoteModality m, Map<String, Set<String>> needs) {
        if (connection == null) {
            return false;
        }
        if (connection.session().channel() instanceof AssociationChannel a && !a.association().isOpen()) {
            drop(); // the peer aborted or closed it between two steps
            return false;
        }
        if (!m.equals(peer)) {
            return false;
        }
        for (var e : needs.entrySet()) {
            Set<String> p = proposed.get(e.getKey());
            if (p == null || !p.containsAll(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    void hold(RemoteModality m, DicomConnection c, Map<String, Set<String>> syntaxes) {
        peer = m;
        connection = c;
        proposed = syntaxes;
        opened++;
    }

    void drop() {
        DicomConnection c = connection;
        connection = null;
        proposed = Map.of();
        if (c != null) {
            c.abort();
        }
    }

    @Override
    public void close() {
        DicomConnection c = connection;
        connection = null;
        proposed = Map.of();
        if (c != null) {
            ModalityScu.releaseQuietly(c);
        }
    }
}
