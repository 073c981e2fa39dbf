package dev.custodian.net.service;

/**
 * The roles this application takes for one SOP class (PS3.7 §D.3.3.4, SCP/SCU Role Selection):
 * {@code scp} when it performs the SOP class's requests (C-STORE, C-ECHO, N-ACTION), {@code scu}
 * when it invokes them and so receives the SOP class's notifications (N-EVENT-REPORT).
 */
public record ServiceRoles(boolean scp, boolean scu) {
    public ServiceRoles {
        if (!scp && !scu) {
            throw new IllegalArgumentException("A registered SOP class needs at least one role");
        }
    }

    /** The union of both roles. */
    public ServiceRoles or(ServiceRoles other) {
        return new ServiceRoles(scp || other.scp, scu || other.scu);
    }
}
