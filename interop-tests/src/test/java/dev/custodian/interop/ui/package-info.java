/**
 * The operator page at {@code /ui/} in a real headless Chromium driven over WebDriver, against
 * a real Custodian (started in-process) and real DICOM peers (DCMTK, Orthanc): what an operator
 * sees after images and commitment requests arrive, the actions the page offers, and that an
 * unauthenticated browser is refused. Screenshots for the README are written to {@code docs/}.
 * May depend on the Custodian modules, {@code dev.custodian.interop.support}, the JDK and the
 * test libraries; never on another interop test package (see ArchitectureTest).
 */
package dev.custodian.interop.ui;
