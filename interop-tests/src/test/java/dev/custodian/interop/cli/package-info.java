/**
 * The command-line tools ({@code custodian echo | store | stgcmt}) run as real processes from the
 * shaded jar against real peers: DCMTK storescp, Orthanc 1.10.1 (the Orthanc Book's Storage
 * Commitment sample replayed with these commands only) and Custodian itself.
 */
package dev.custodian.interop.cli;
