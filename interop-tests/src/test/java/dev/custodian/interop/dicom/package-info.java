/**
 * Conformance tests of the {@code dicom} module against DCMTK and a real-world corpus: a dcmdump
 * oracle (run dcmdump, parse its listing into comparable trees), round trips through files DCMTK
 * produces, and the python3-pydicom test files, which {@code CorpusStoreAsSentIT} also sends
 * through the archive (started in-process through {@code dev.custodian.server.cli.Application})
 * to compare what comes back with the same oracle. May depend on {@code dev.custodian.dicom.*},
 * that entry point of the server, {@code dev.custodian.interop.support}, the JDK and the test
 * libraries; runs external DCMTK programs.
 */
package dev.custodian.interop.dicom;
