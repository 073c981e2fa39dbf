package dev.custodian.server.commit.check;

import dev.custodian.net.service.StorageSopClasses;
import dev.custodian.server.index.Index;
import dev.custodian.server.index.IndexedInstance;
import dev.custodian.stgcmt.FailureReason;
import dev.custodian.stgcmt.SopReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the three built-in checks share: one index query per batch, then the verdicts of PS3.4
 * §J.3.3.1.2 in this order — an instance we do not hold whose SOP class is not a storage class we
 * accept is 0122H, one we do not hold 0112H, one recorded under another SOP class 0119H; then
 * {@link #checkFile} decides for the instances the index holds.
 */
abstract sealed class BuiltInCheck implements CommitmentCheck permits IndexCheck, FileCheck, ChecksumCheck {
    private final Index index;
    private final Set<String> storageClasses;

    BuiltInCheck(Index index) {
        this.index = Objects.requireNonNull(index, "index");
        this.storageClasses = Set.copyOf(StorageSopClasses.standard());
    }

    /** The verdict on an instance the index holds with the requested SOP class. */
    abstract Verdict checkFile(IndexedInstance instance) throws IOException;

    @Override
    public Lookup open(CheckedTransaction transaction) {
        return this::check;
    }

    private List<Verdict> check(List<SopReference> batch) throws IOException {
        Map<String, IndexedInstance> held = index.instancesBySopInstanceUid(
                batch.stream().map(SopReference::sopInstanceUid).distinct().toList());
        List<Verdict> verdicts = new ArrayList<>(batch.size());
        for (SopReference ref : batch) {
            verdicts.add(verdict(ref, held.get(ref.sopInstanceUid())));
        }
        return verdicts;
    }

    private Verdict verdict(SopReference ref, IndexedInstance instance) throws IOException {
        if (instance == null) {
            if (!storageClasses.contains(ref.sopClassUid())) {
                return Verdict.failed(FailureReason.REFERENCED_SOP_CLASS_NOT_SUPPORTED,
                        "not a storage SOP class this archive accepts: " + ref.sopClassUid());
            }
            return Verdict.failed(FailureReason.NO_SUCH_OBJECT_INSTANCE, "not stored here");
        }
        if (!instance.sopClassUid().equals(ref.sopClassUid())) {
            return Verdict.failed(FailureReason.CLASS_INSTANCE_CONFLICT,
                    "stored with SOP Class UID " + instance.sopClassUid());
        }
        return checkFile(instance);
    }
}
