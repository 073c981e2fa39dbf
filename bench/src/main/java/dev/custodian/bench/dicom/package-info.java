/**
 * JMH benchmarks of the {@code dicom} module's reader (see docs/BENCHMARKS.md) and the CT-like
 * instance they read. May depend on {@code dev.custodian.dicom.*}, JMH and the JDK.
 */
package dev.custodian.bench.dicom;
