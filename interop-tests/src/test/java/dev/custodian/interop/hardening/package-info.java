/**
 * Hostile input on a live DIMSE server (PS3.8 §9.2, §9.3; PS3.7 §6.3.1): raw PDUs, cut data sets
 * and vanishing peers end with the A-ABORT or status the standard names, nothing leaked or kept.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.hardening;
