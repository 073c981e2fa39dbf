/**
 * End-to-end benchmark drivers run by {@code bench/scripts/*.sh} (see docs/BENCHMARKS.md):
 * {@link dev.custodian.bench.DiscardScp}, a C-STORE SCP on dicom-net that reads and drops every
 * data set, to measure the network layer alone against DCMTK {@code storescp --ignore}. JMH
 * benchmarks live in sub-packages.
 *
 * <p>May depend on {@code dev.custodian.net.*}, {@code dev.custodian.dicom.*}, SLF4J (Logback at
 * run time) and the JDK.
 */
package dev.custodian.bench;
