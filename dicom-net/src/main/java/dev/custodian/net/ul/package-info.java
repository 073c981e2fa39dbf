/**
 * The DICOM upper layer (PS3.8 §7, §9): the state machine ({@link dev.custodian.net.ul.StateTable},
 * {@link dev.custodian.net.ul.StateMachine}), negotiation ({@link dev.custodian.net.ul.AcceptorPolicy},
 * {@link dev.custodian.net.ul.DefaultAcceptorPolicy}, {@link dev.custodian.net.ul.AssociationProposal},
 * {@link dev.custodian.net.ul.NegotiatedContext}) and the {@link dev.custodian.net.ul.Association}.
 *
 * <h2>The seam for the DIMSE layer</h2>
 * <ul>
 * <li><b>Incoming</b>: a {@link dev.custodian.net.ul.MessageListener} gets, per message and on the
 * association's single reader thread, the presentation context ID and the complete command set
 * bytes ({@code onCommand}). During that call it may read the data set through
 * {@link dev.custodian.net.ul.Association#dataSet()}, an input stream that pulls PDUs on the same
 * thread (no copy, no hand-off); the fragments it does not read go to the
 * {@link dev.custodian.net.ul.DataSink} it returns ({@code onData(buf, off, len, last)}), and it
 * returns {@link dev.custodian.net.ul.DataSink#NO_DATA_SET} (or null) when the command's Command
 * Data Set Type says none follows — the upper layer does not parse commands, so the DIMSE layer
 * decides. The data set is never accumulated here: a C-STORE SCP writes each fragment to its
 * temporary file; while it does so no further PDU is read (TCP backpressure). Listener exceptions abort the association — services should turn their
 * failures into a DIMSE status instead. This works the same on associations we accepted (listener
 * from {@link dev.custodian.net.ul.AssociationHandler}) and ones we requested (listener passed to
 * {@code request}).</li>
 * <li><b>Outgoing</b>: {@link dev.custodian.net.ul.Association#send(int, byte[], DataWriter)} sends
 * command bytes then the data set from a {@link dev.custodian.net.ul.DataWriter} (an output stream
 * cut into P-DATA-TF PDUs no longer than the peer's maximum length). Thread-safe: whole messages
 * are serialised per association (PDVs of two messages never interleave, even on different
 * contexts) and every PDU is written whole, so an A-ABORT can never split a PDU. A listener may
 * answer from the reader thread (as a C-ECHO SCP would); long sends there delay reading, so
 * heavy work (e.g. a Storage Commitment report) belongs on another thread. Which side may invoke
 * what on a context: {@link dev.custodian.net.ul.NegotiatedContext#mayInvoke(boolean)} /
 * {@code mayPerform} with {@link dev.custodian.net.ul.Association#isRequestor()}.</li>
 * <li><b>Ending</b>: {@code release(timeout)} (not from the reader thread), {@code abort(why)}, and
 * {@link dev.custodian.net.ul.CloseListener} / {@code closeFuture()} telling how it ended
 * ({@link dev.custodian.net.ul.CloseReason}).</li>
 * </ul>
 *
 * <p>May depend on: {@code dev.custodian.net.pdu}, SLF4J, the JDK. Not on sockets (see
 * {@link dev.custodian.net.ul.Connection}; the transport package provides TCP/TLS) and not on the
 * {@code dicom} data model: commands and data sets are bytes here.
 */
package dev.custodian.net.ul;
