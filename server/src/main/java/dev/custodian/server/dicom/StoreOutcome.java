package dev.custodian.server.dicom;

import java.util.List;

/**
 * Result of a C-STORE SCU of several instances, the fields of Orthanc's answer to
 * {@code POST /modalities/{id}/store}.
 *
 * @param failures one line per instance the remote refused or that could not be sent
 */
public record StoreOutcome(String localAet, String remoteAet, int instancesCount, List<String> failures) {
    public StoreOutcome {
        failures = List.copyOf(failures);
        if (instancesCount < 0 || failures.size() > instancesCount) {
            throw new IllegalArgumentException("counts out of range: " + instancesCount + ", " + failures.size());
        }
    }

    public int failedInstancesCount() {
        return failures.size();
    }
}
