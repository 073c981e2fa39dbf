package dev.custodian.server.dicom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A stored instance on its way out by C-STORE (PS3.4 Annex B): its file (a temporary copy when the
 * storage area is not local), and the SOP class and transfer syntax its File Meta Information
 * (PS3.10 §7.1) gives, which choose its presentation context.
 */
record OutgoingInstance(String instanceId, Path path, String sopClassUid, String transferSyntaxUid) {
    OutgoingInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    }
}
