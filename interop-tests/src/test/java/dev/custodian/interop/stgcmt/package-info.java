/**
 * Storage Commitment Push Model (PS3.4 Annex J) against Orthanc as SCP and as SCU, and our SCU
 * against our SCP for what Orthanc never does.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.stgcmt;
