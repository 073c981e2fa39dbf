/**
 * The DIMSE layer of {@code dicom-net} (C-ECHO, C-STORE, N-ACTION / N-EVENT-REPORT) against DCMTK
 * echoscu, storescu and storescp, and our SCU against our SCP: data sets arrive byte for byte.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.dimse;
