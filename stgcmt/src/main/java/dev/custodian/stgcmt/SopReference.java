package dev.custodian.stgcmt;

/**
 * One item of the Referenced SOP Sequence (0008,1199) or Failed SOP Sequence (0008,1198): a SOP
 * instance named by Referenced SOP Class UID (0008,1150) and Referenced SOP Instance UID
 * (0008,1155), PS3.4 §J.3.2.1.1 Table J.3-1.
 */
public record SopReference(String sopClassUid, String sopInstanceUid) {
    public SopReference {
        Values.uid(sopClassUid, "Referenced SOP Class UID (0008,1150)");
        Values.uid(sopInstanceUid, "Referenced SOP Instance UID (0008,1155)");
    }
}
