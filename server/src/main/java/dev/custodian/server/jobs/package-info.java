/**
 * The jobs engine, in the shapes of Orthanc's (Orthanc Book, "Advanced features of the REST API",
 * Jobs): a {@link dev.custodian.server.jobs.Job} advances by {@link dev.custodian.server.jobs.Job#step
 * steps} returning continue / success / failure / retry-after-a-delay; a bounded pool of
 * {@code ConcurrentJobs} workers runs the highest-priority pending job; pause and cancel take
 * effect between steps; every step is saved in the index database ({@link
 * dev.custodian.server.jobs.JobStore}, table {@code jobs}) so a restart resumes from the last
 * completed step, and nodes sharing a PostgreSQL index claim jobs with a row lock and a lease.
 * The first job type is the asynchronous C-STORE SCU ({@link dev.custodian.server.jobs.StoreJob},
 * Orthanc's {@code DicomModalityStore}).
 *
 * <p>May depend on {@code config}, {@code index} (the database and {@code Modalities}),
 * {@code dicom} (the SCU the store job reuses), {@code commit.scu} (the Storage Commitment a store job may
 * ask after its C-STOREs), Jackson, JDBI, SLF4J and the JDK. Not on
 * {@code rest} or {@code cli}, nor on Javalin.
 */
package dev.custodian.server.jobs;
