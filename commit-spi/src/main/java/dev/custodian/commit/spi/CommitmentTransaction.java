package dev.custodian.commit.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The plain values of one Storage Commitment request, as Orthanc's factory receives them. The
 * references are not held in memory (a request may reference 100,000 instances):
 * {@link #forEachInstance} streams them from Custodian's database, in the request's order, each
 * time it is called. {@link #instances()} collects them when a list is more convenient.
 *
 * @param jobId          ID of the {@code StorageCommitmentScp} job, as shown by {@code GET /jobs}
 * @param transactionUid Transaction UID (0008,1195) of the request
 * @param remoteAet      AE title of the modality that asked
 * @param calledAet      our AE title it called
 * @param count          number of referenced instances (at least 1)
 * @param references     the source of the references
 */
public record CommitmentTransaction(String jobId, String transactionUid, String remoteAet, String calledAet,
                                    int count, References references) {
    public CommitmentTransaction {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(transactionUid, "transactionUid");
        Objects.requireNonNull(remoteAet, "remoteAet");
        Objects.requireNonNull(calledAet, "calledAet");
        Objects.requireNonNull(references, "references");
        if (count < 1) {
            throw new IllegalArgumentException("a transaction references at least one instance, got " + count);
        }
    }

    /** A transaction whose references are the given list (for plug-in tests). */
    public static CommitmentTransaction of(String jobId, String transactionUid, String remoteAet, String calledAet,
                                           List<InstanceReference> instances) {
        List<InstanceReference> copy = List.copyOf(instances);
        return new CommitmentTransaction(jobId, transactionUid, remoteAet, calledAet, copy.size(), copy::forEach);
    }

    /** Streams every referenced instance, in the request's order. */
    public void forEachInstance(Consumer<InstanceReference> each) {
        references.forEach(each);
    }

    /** All references in one list ({@link #count()} elements; mind the memory for large requests). */
    public List<InstanceReference> instances() {
        List<InstanceReference> all = new ArrayList<>(count);
        references.forEach(all::add);
        return all;
    }

    /** The SOP Instance UIDs of the request, in order. */
    public List<String> sopInstanceUids() {
        List<String> all = new ArrayList<>(count);
        references.forEach(r -> all.add(r.sopInstanceUid()));
        return all;
    }

    /** The SOP Class UIDs of the request, in order (parallel to {@link #sopInstanceUids()}). */
    public List<String> sopClassUids() {
        List<String> all = new ArrayList<>(count);
        references.forEach(r -> all.add(r.sopClassUid()));
        return all;
    }

    /** Where the references come from: each call streams all of them again. */
    @FunctionalInterface
    public interface References {
        void forEach(Consumer<InstanceReference> each);
    }
}
