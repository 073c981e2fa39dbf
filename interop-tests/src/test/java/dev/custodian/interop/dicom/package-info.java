/**
 * Conformance tests of the {@code dicom} module against DCMTK and a real-world corpus: a dcmdump
 * oracle (run dcmdump, parse its listing into comparable trees), round trips through files DCMTK
 * produces, and the python3-pydicom test files. May depend on {@code dev.custodian.dicom.*},
 * {@code dev.custodian.interop.support}, the JDK and the test libraries; runs external DCMTK programs.
 */
package dev.custodian.interop.dicom;
