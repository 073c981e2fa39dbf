/**
 * The Storage Commitment latency benchmark driver ({@code bench/scripts/commit-bench.sh}): fills a
 * target's index over its REST API ({@link dev.custodian.bench.commit.InstanceLoader}) and times
 * N-ACTION-RQ sent → N-EVENT-REPORT received as the requesting modality
 * ({@link dev.custodian.bench.commit.CommitLatency}). Depends on {@code dicom}, {@code dicom-net},
 * {@code stgcmt} and the JDK.
 */
package dev.custodian.bench.commit;
