package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAbort;
import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.AReleaseRp;
import io.tessera.dicom.net.pdu.AReleaseRq;
import io.tessera.dicom.net.pdu.PDataTf;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import io.tessera.dicom.net.pdu.PresentationContextRq;
import io.tessera.dicom.net.pdu.Pdu;
import io.tessera.dicom.net.pdu.PduFormatException;
import io.tessera.dicom.net.pdu.PduReader;
import io.tessera.dicom.net.pdu.PduWriter;
import io.tessera.dicom.net.pdu.Pdv;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One DICOM association over one transport connection: the upper-layer protocol machine of PS3.8 §9.2 (states
 * Sta1–Sta13, the ARTIM timer), max-PDU negotiation and P-DATA fragmentation. Used by both sides: the
 * {@link DicomListener} for associations it accepts, {@link Connector} for those we request.
 *
 * <p>Threads: one reader runs {@link #serve()} (an executor task); it decodes each PDU, drives the state machine
 * and hands presentation data values to the {@link PresentationDataListener} (DIMSE). Any thread may send a DIMSE
 * message while holding {@link #sendLock()}; release and abort may be called from any thread.
 */
public final class Association {

    private static final Logger LOG = Logger.getLogger(Association.class.getName());

    /** The states of PS3.8 Table 9-10 this implementation passes through. */
    public enum State {
        STA1("Idle"),
        STA2("Transport connection open (Awaiting A-ASSOCIATE-RQ PDU)"),
        STA3("Awaiting local A-ASSOCIATE response primitive"),
        STA4("Awaiting transport connection opening to complete"),
        STA5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),
        STA6("Association established and ready for data transfer"),
        STA7("Awaiting A-RELEASE-RP PDU"),
        STA8("Awaiting local A-RELEASE response primitive"),
        STA10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),
        STA11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),
        STA13("Awaiting transport connection close indication");

        private final String description;

        State(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Upper bound for a P-DATA-TF we build when neither side limits the length (PS3.8 §D.1 value 0). */
    private static final int UNLIMITED_SEND_CAP = 1 << 20;

    private final Socket socket;
    private final AssociationSettings settings;
    private final boolean requestor;
    private final TimedInputStream timedIn;
    private final PduReader reader;
    private final OutputStream out;
    private final ReentrantLock sendLock = new ReentrantLock();
    /**
     * The PDU buffer every {@link PDataOutputStream} of this association writes into, one message after the other
     * under {@link #sendLock}: a C-FIND's thousands of pending responses would otherwise allocate two per match.
     */
    private byte[] pduBuffer;
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final List<Consumer<Association>> closeListeners = new CopyOnWriteArrayList<>();
    private final String name;

    private volatile State state;
    private AAssociateRq rq;
    private AAssociateAc ac;
    private Map<Integer, PresentationContextAc> acceptedContexts = Map.of();
    private int sendPduLength;
    private volatile PresentationDataListener dataListener;
    private volatile Throwable closeCause;
    private List<Pdv> pendingPdvs = List.of();
    private int pendingIndex;
    private final Map<String, Object> properties = new HashMap<>();
    private boolean idleWatchdog;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long writeStartNanos;

    Association(Socket socket, AssociationSettings settings, boolean requestor) throws IOException {
        this.socket = socket;
        this.settings = settings;
        this.requestor = requestor;
        socket.setTcpNoDelay(true); // every DICOM socket: a PDU must not wait for an ACK (Nagle) before leaving
        if (settings.socketBufferSize() > 0) {
            socket.setSendBufferSize(settings.socketBufferSize());
            socket.setReceiveBufferSize(settings.socketBufferSize());
        }
        this.timedIn = new TimedInputStream(socket, socket.getInputStream());
        // 128 KB: one read system call fetches several 32 KB PDUs of a C-STORE (fewer calls beat one copy less).
        this.reader = new PduReader(new BufferedInputStream(timedIn, 131072), settings.maxPduReceive(),
                settings.maxAssociatePduLength());
        // Buffered only so that a held PDU (a command whose data set follows, see writeRawHeld) leaves with the next
        // one in a single write; every other write is flushed at once, and a 32 KB PDU passes the buffer unbuffered.
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
        this.state = requestor ? State.STA4 : State.STA2;
        this.name = (requestor ? "->" : "<-") + socket.getRemoteSocketAddress();
    }

    // ---- identity and negotiated parameters ----

    public boolean isRequestor() {
        return requestor;
    }

    public State state() {
        return state;
    }

    public boolean isEstablished() {
        return state == State.STA6;
    }

    public AAssociateRq request() {
        return rq;
    }

    public AAssociateAc acceptance() {
        return ac;
    }

    public String callingAeTitle() {
        return rq == null ? null : rq.callingAeTitle();
    }

    public String calledAeTitle() {
        return rq == null ? null : rq.calledAeTitle();
    }

    /** The peer's AE title: the calling AE when we accepted, the called AE when we requested. */
    public String remoteAeTitle() {
        return rq == null ? null : requestor ? rq.calledAeTitle() : rq.callingAeTitle();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    public AssociationSettings settings() {
        return settings;
    }

    /** The length of the P-DATA-TF PDUs we send: the peer's limit, capped by ours. */
    public int sendPduLength() {
        return sendPduLength;
    }

    /** An accepted presentation context by ID, or null. */
    public PresentationContextAc acceptedContext(int pcid) {
        return acceptedContexts.get(pcid);
    }

    /** The abstract syntax the requestor proposed for context {@code pcid}, or null. */
    public String abstractSyntax(int pcid) {
        PresentationContextRq pc = rq == null ? null : rq.presentationContext(pcid);
        return pc == null ? null : pc.abstractSyntax();
    }

    /** The transfer syntax accepted for context {@code pcid}, or null when not accepted. */
    public String transferSyntax(int pcid) {
        PresentationContextAc pc = acceptedContexts.get(pcid);
        return pc == null ? null : pc.transferSyntax();
    }

    /**
     * The first accepted context for {@code abstractSyntax}, preferring one whose transfer syntax is among
     * {@code transferSyntaxes} in that order (any accepted one when none given); null when none.
     */
    public PresentationContextAc findContext(String abstractSyntax, String... transferSyntaxes) {
        if (rq == null) {
            return null;
        }
        for (String ts : transferSyntaxes) {
            for (PresentationContextRq p : rq.presentationContexts()) {
                PresentationContextAc a = acceptedContexts.get(p.id());
                if (a != null && p.abstractSyntax().equals(abstractSyntax) && ts.equals(a.transferSyntax())) {
                    return a;
                }
            }
        }
        for (PresentationContextRq p : rq.presentationContexts()) {
            PresentationContextAc a = acceptedContexts.get(p.id());
            if (a != null && p.abstractSyntax().equals(abstractSyntax)) {
                return a;
            }
        }
        return null;
    }

    /** Free-form per-association values for the layers above (e.g. the adapter's AE row). */
    public synchronized Object property(String key) {
        return properties.get(key);
    }

    public synchronized void property(String key, Object value) {
        properties.put(key, value);
    }

    public void dataListener(PresentationDataListener listener) {
        this.dataListener = listener;
    }

    public PresentationDataListener dataListener() {
        return dataListener;
    }

    public void addCloseListener(Consumer<Association> listener) {
        closeListeners.add(listener);
        if (closedLatch.getCount() == 0) {
            listener.accept(this);
        }
    }

    /** Why the association ended: null while open or after an orderly release. */
    public Throwable closeCause() {
        return closeCause;
    }

    @Override
    public String toString() {
        return "Association[" + (rq == null ? "" : rq.callingAeTitle() + "->" + rq.calledAeTitle() + " ")
                + name + ", " + state + "]";
    }

    // ---- establishment ----

    /**
     * Acceptor side, Sta2 → Sta6 or closed: waits (ARTIM) for the A-ASSOCIATE-RQ, lets {@code decide} answer it
     * with an A-ASSOCIATE-AC or -RJ, sends the answer. Returns true when established.
     */
    boolean acceptAssociation(Function<AAssociateRq, Pdu> decide) throws IOException {
        timedIn.deadline(settings.artimTimeoutMillis()); // PS3.8 §9.1.5: ARTIM started on transport connect
        timedIn.idle(0);
        Pdu pdu;
        try {
            pdu = reader.read();
        } catch (SocketTimeoutException e) {
            closeTransport(new DicomNetworkException("no A-ASSOCIATE-RQ within the ARTIM timeout of "
                    + settings.artimTimeoutMillis() + " ms from " + name));
            return false;
        } catch (PduFormatException e) {
            // Sta2, event 19 (invalid PDU): AA-1. We send the provider diagnostic so the peer learns what was wrong.
            abortAndAwaitClose(AAbort.provider(e.abortReason()), e);
            return false;
        } catch (IOException e) {
            closeTransport(e);
            return false;
        }
        if (pdu == null) {
            closeTransport(new DicomNetworkException("connection closed before an A-ASSOCIATE-RQ from " + name));
            return false;
        }
        if (pdu instanceof AAbort) {
            closeTransport(new AssociationAbortedException("peer aborted before association: " + pdu, (AAbort) pdu));
            return false;
        }
        if (!(pdu instanceof AAssociateRq request)) {
            abortAndAwaitClose(AAbort.provider(AAbort.UNEXPECTED_PDU), new DicomNetworkException(
                    Pdu.typeName(pdu.type()) + " where an A-ASSOCIATE-RQ was expected from " + name));
            return false;
        }
        timedIn.deadline(0); // AE-6: stop ARTIM
        state = State.STA3;
        this.rq = request;
        Pdu answer;
        if ((request.protocolVersion() & 1) == 0) {
            answer = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE,
                    AAssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED);
        } else if (!AAssociateAc.DICOM_APPLICATION_CONTEXT.equals(request.applicationContext())) {
            answer = new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                    AAssociateRj.REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
        } else {
            try {
                answer = decide.apply(request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "association decision failed for " + request + "; rejecting", e);
                answer = new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT, AAssociateRj.SOURCE_SERVICE_USER,
                        AAssociateRj.REASON_NO_REASON_GIVEN);
            }
        }
        if (answer instanceof AAssociateAc acc) {
            established(acc);
            send(acc);
            state = State.STA6;
            return true;
        }
        AAssociateRj rj = (AAssociateRj) answer;
        send(rj);
        closeCause = new AssociationRejectedException(name, rj);
        awaitPeerClose(); // AE-8: Sta13 with ARTIM
        return false;
    }

    /** Requestor side, Sta4 → Sta6: sends the A-ASSOCIATE-RQ and waits (ARTIM) for the answer. */
    void requestAssociation(AAssociateRq request) throws IOException {
        this.rq = request;
        state = State.STA5;
        send(request);
        timedIn.deadline(settings.artimTimeoutMillis());
        Pdu pdu;
        try {
            pdu = reader.read();
        } catch (SocketTimeoutException e) {
            DicomNetworkException x = new DicomNetworkException("no A-ASSOCIATE-AC/RJ from " + name + " within "
                    + settings.artimTimeoutMillis() + " ms");
            abortNow(AAbort.user(), x);
            throw x;
        } catch (PduFormatException e) {
            abortNow(AAbort.provider(e.abortReason()), e);
            throw e;
        } catch (IOException e) {
            closeTransport(e);
            throw e;
        }
        timedIn.deadline(0);
        if (pdu instanceof AAssociateAc acc) {
            for (PresentationContextAc pc : acc.presentationContexts()) {
                if (request.presentationContext(pc.id()) == null) {
                    PduFormatException x = new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 0,
                            "A-ASSOCIATE-AC answers presentation context " + pc.id() + " that we did not propose");
                    abortNow(AAbort.provider(x.abortReason()), x);
                    throw x;
                }
            }
            established(acc);
            state = State.STA6;
            return;
        }
        if (pdu instanceof AAssociateRj rj) {
            AssociationRejectedException x = new AssociationRejectedException(name, rj);
            closeTransport(x);
            throw x;
        }
        if (pdu instanceof AAbort abort) {
            AssociationAbortedException x = new AssociationAbortedException(name + " aborted the association request: "
                    + abort, abort);
            closeTransport(x);
            throw x;
        }
        DicomNetworkException x = pdu == null
                ? new DicomNetworkException(name + " closed the connection without answering the A-ASSOCIATE-RQ")
                : new PduFormatException(AAbort.UNEXPECTED_PDU, 0, Pdu.typeName(pdu.type())
                + " where an A-ASSOCIATE-AC or -RJ was expected");
        if (pdu == null) {
            closeTransport(x);
        } else {
            abortNow(AAbort.provider(AAbort.UNEXPECTED_PDU), x);
        }
        throw x;
    }

    private void established(AAssociateAc acc) {
        this.ac = acc;
        Map<Integer, PresentationContextAc> m = new HashMap<>();
        for (PresentationContextAc pc : acc.presentationContexts()) {
            if (pc.accepted()) {
                m.put(pc.id(), pc);
            }
        }
        acceptedContexts = Collections.unmodifiableMap(m);
        long peerMax = requestor ? acc.userInformation().maxLength() : rq.userInformation().maxLength();
        long ourCap = settings.maxPduSend() == 0 ? UNLIMITED_SEND_CAP : settings.maxPduSend();
        long len = peerMax == 0 ? ourCap : Math.min(peerMax, ourCap);
        sendPduLength = (int) Math.max(len, 64);
        // With a watchdog (the listener's) established reads block without SO_TIMEOUT: a timed read costs a poll
        // per read on the hot receive path. Without one (SCU side) the socket timeout enforces the idle limit.
        timedIn.idle(idleWatchdog ? 0 : settings.idleTimeoutMillis());
    }

    /** The idle timeout is enforced by {@link #checkIdle(long)} called from a watchdog, not by socket timeouts. */
    void useIdleWatchdog() {
        this.idleWatchdog = true;
    }

    /**
     * Aborts when established, not busy, and nothing arrived for the idle timeout, or when one PDU has been stuck in
     * a write for longer than the DIMSE timeout. Any thread.
     */
    void checkIdle(long nowNanos) {
        long writing = writeStartNanos;
        int dimse = settings.dimseTimeoutMillis();
        if (writing != 0 && dimse > 0 && (nowNanos - writing) / 1_000_000L > dimse) {
            // a peer that stopped reading: a blocked write cannot time out by itself, closing the socket ends it
            abortNow(AAbort.provider(AAbort.REASON_NOT_SPECIFIED), new DicomNetworkException("a PDU to " + name
                    + " could not be written within the DIMSE timeout of " + dimse + " ms: aborted " + this));
            return;
        }
        int idle = settings.idleTimeoutMillis();
        if (idle <= 0 || state != State.STA6 || (nowNanos - lastActivityNanos) / 1_000_000L < idle) {
            return;
        }
        PresentationDataListener l = dataListener;
        if (l != null && l.busy()) {
            return;
        }
        abortNow(AAbort.provider(AAbort.REASON_NOT_SPECIFIED), new DicomNetworkException(
                "idle for " + idle + " ms: aborted " + this));
    }

    // ---- data transfer ----

    /** The send lock: hold it across the PDUs of one DIMSE message so that messages do not interleave. */
    public ReentrantLock sendLock() {
        return sendLock;
    }

    /**
     * A P-DATA request for one command or data set on context {@code pcid}, fragmented to {@link #sendPduLength()}.
     * The caller must hold {@link #sendLock()}.
     */
    public PDataOutputStream openPData(int pcid, boolean command) throws DicomNetworkException {
        State s = state;
        if (s != State.STA6 && s != State.STA8) {
            throw new DicomNetworkException("cannot send P-DATA on " + this + ": " + s.description());
        }
        if (!acceptedContexts.containsKey(pcid)) {
            throw new DicomNetworkException("presentation context " + pcid + " was not accepted on " + this);
        }
        // the buffer is lent only to a holder of the send lock, as the contract says; any other caller gets its own
        byte[] lent = sendLock.isHeldByCurrentThread() ? pduBuffer : null;
        pduBuffer = null; // a stream not closed (an exception) keeps it: the next one starts afresh
        return new PDataOutputStream(this, pcid, command, sendPduLength, lent);
    }

    /** A closed {@link PDataOutputStream}'s buffer, for the next message (called under the send lock). */
    void returnPduBuffer(byte[] buffer) {
        if (sendLock.isHeldByCurrentThread()) {
            pduBuffer = buffer;
        }
    }


    void writeRaw(byte[] b, int off, int len) throws IOException {
        sendLock.lock();
        try {
            writeStartNanos = System.nanoTime();
            out.write(b, off, len);
            out.flush();
        } finally {
            writeStartNanos = 0;
            sendLock.unlock();
        }
    }

    /**
     * Writes a PDU without sending it yet: it leaves with the next {@link #writeRaw} (or {@link #flushHeld}) of the
     * same sender, which must hold {@link #sendLock()} across both. A command PDU and the first PDU of its data set
     * then cost one system call and one segment instead of two — a C-FIND with thousands of matches sends thousands of
     * such pairs. Only a command is held, and only by the sender of its data set, so the buffer is empty before it. PS3.8 §9.3.5 lets PDUs follow each other on the stream in any segmentation.
     */
    void writeRawHeld(byte[] b, int off, int len) throws IOException {
        sendLock.lock();
        try {
            writeStartNanos = System.nanoTime(); // a PDU larger than the buffer is written through at once
            out.write(b, off, len);
        } finally {
            writeStartNanos = 0;
            sendLock.unlock();
        }
    }

    /** Sends what {@link #writeRawHeld} left in the buffer, e.g. when the data set that should follow failed. */
    public void flushHeld() throws IOException {
        sendLock.lock();
        try {
            writeStartNanos = System.nanoTime();
            out.flush();
        } finally {
            writeStartNanos = 0;
            sendLock.unlock();
        }
    }

    private void send(Pdu pdu) throws IOException {
        byte[] b = PduWriter.encode(pdu);
        writeRaw(b, 0, b.length);
    }

    /**
     * Serves the established association on the calling thread until it ends: reads PDUs and hands each PDV to the
     * data listener. Returns when released, aborted or closed.
     */
    public void serve() {
        try {
            Pdv pdv;
            while ((pdv = nextPdv()) != null) {
                PresentationDataListener l = dataListener;
                if (l == null) {
                    abortAndAwaitClose(AAbort.provider(AAbort.UNEXPECTED_PDU), new DicomNetworkException(
                            "P-DATA on " + this + " but no DIMSE layer is attached"));
                    return;
                }
                l.onPdv(this, pdv);
            }
        } catch (PduFormatException e) {
            abortAndAwaitClose(AAbort.provider(e.abortReason()), e);
        } catch (IOException | RuntimeException e) {
            if (state != State.STA1) {
                LOG.log(Level.FINE, "association " + this + " failed", e);
                abortNow(AAbort.provider(AAbort.REASON_NOT_SPECIFIED), e);
            }
        } finally {
            if (state != State.STA1) {
                closeTransport(closeCause);
            }
        }
    }

    /**
     * The next presentation data value, reading PDUs as needed and running the state machine for the others
     * (release, abort). Only the reader thread calls this. Returns null when the association has ended. The PDV's
     * bytes are valid until the next call (the PDU buffer is reused).
     */
    public Pdv nextPdv() throws IOException {
        for (;;) {
            if (pendingIndex < pendingPdvs.size()) {
                return pendingPdvs.get(pendingIndex++);
            }
            Pdu pdu = readEstablished();
            if (pdu == null) {
                return null;
            }
            PDataTf p = (PDataTf) pdu;
            for (Pdv v : p.pdvs()) {
                if (!acceptedContexts.containsKey(v.presentationContextId())) {
                    PduFormatException x = new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 10,
                            "PDV on presentation context " + v.presentationContextId() + " that was not accepted");
                    abortAndAwaitClose(AAbort.provider(x.abortReason()), x);
                    return null;
                }
            }
            pendingPdvs = p.pdvs();
            pendingIndex = 0;
        }
    }

    /** Reads until a P-DATA-TF to deliver arrives (returned) or the association ends (null). */
    private Pdu readEstablished() {
        for (;;) {
            State s = state;
            if (s == State.STA1) {
                return null;
            }
            Pdu pdu;
            try {
                pdu = reader.read();
                lastActivityNanos = System.nanoTime();
                s = state; // release() may have moved us on while the read was blocked
            } catch (SocketTimeoutException e) {
                s = state;
                if (s == State.STA6 && !timedIn.hasDeadline()) {
                    PresentationDataListener l = dataListener;
                    if (l != null && l.busy()) {
                        continue; // operations outstanding: the DIMSE timeout governs, not the idle timeout
                    }
                    abortNow(AAbort.provider(AAbort.REASON_NOT_SPECIFIED), new DicomNetworkException(
                            "idle for " + settings.idleTimeoutMillis() + " ms: aborted " + this));
                } else {
                    closeTransport(s == State.STA13 ? closeCause : new DicomNetworkException(
                            "ARTIM timer expired in " + s + " (" + s.description() + ") on " + this));
                }
                return null;
            } catch (PduFormatException e) {
                s = state;
                if (s == State.STA13) {
                    closeTransport(closeCause); // AA-7 would answer with another A-ABORT; the peer is gone
                    return null;
                }
                abortAndAwaitClose(AAbort.provider(e.abortReason()), e); // AA-8
                return null;
            } catch (IOException e) {
                closeTransport(s == State.STA13 ? closeCause : new AssociationAbortedException(
                        "connection to " + name + " lost: " + e.getMessage(), e)); // AA-4
                return null;
            }
            if (pdu == null) {
                // AA-4 (or the expected close in Sta13 / after A-RELEASE-RP)
                closeTransport(s == State.STA13 ? closeCause : new AssociationAbortedException(
                        name + " closed the connection in " + s + " without release or abort", (AAbort) null));
                return null;
            }
            try {
                Pdu deliver = onPdu(s, pdu);
                if (deliver != null) {
                    return deliver;
                }
            } catch (IOException e) {
                closeTransport(e);
                return null;
            }
        }
    }

    /** The PS3.8 Table 9-10 transitions for an established or releasing association. */
    private Pdu onPdu(State s, Pdu pdu) throws IOException {
        if (pdu instanceof AAbort abort) { // AA-3 (or AA-2 in Sta13)
            closeTransport(s == State.STA13 ? closeCause
                    : new AssociationAbortedException(name + " aborted the association: " + abort, abort));
            return null;
        }
        switch (s) {
            case STA6 -> {
                if (pdu instanceof PDataTf) {
                    return pdu; // DT-2
                }
                if (pdu instanceof AReleaseRq) { // AR-2, and we answer at once: AR-4
                    synchronized (this) {
                        state = State.STA8;
                        sendLock.lock();
                        try {
                            send(new AReleaseRp());
                        } finally {
                            sendLock.unlock();
                        }
                        toSta13();
                    }
                    return null;
                }
            }
            case STA7 -> {
                if (pdu instanceof PDataTf) {
                    return pdu; // AR-6: data still arriving before the peer's A-RELEASE-RP
                }
                if (pdu instanceof AReleaseRp) { // AR-3
                    closeTransport(null);
                    return null;
                }
                if (pdu instanceof AReleaseRq) { // AR-8, release collision
                    if (requestor) {
                        send(new AReleaseRp()); // AR-9, then Sta11
                        state = State.STA11;
                    } else {
                        state = State.STA10;
                    }
                    return null;
                }
            }
            case STA10 -> {
                if (pdu instanceof AReleaseRp) { // AR-10, AR-12: answer ours, then wait for the close
                    send(new AReleaseRp());
                    toSta13();
                    return null;
                }
            }
            case STA11 -> {
                if (pdu instanceof AReleaseRp) { // AR-3
                    closeTransport(null);
                    return null;
                }
            }
            case STA13 -> {
                return null; // AA-6: ignore anything but the close
            }
            default -> {
            }
        }
        abortAndAwaitClose(AAbort.provider(AAbort.UNEXPECTED_PDU), new PduFormatException(AAbort.UNEXPECTED_PDU, 0,
                Pdu.typeName(pdu.type()) + " in " + s + " (" + s.description() + ")"));
        return null;
    }

    private void toSta13() {
        state = State.STA13;
        timedIn.deadline(settings.artimTimeoutMillis());
    }

    // ---- release and abort ----

    /**
     * Orderly release (PS3.8 §7.2, A-RELEASE): sends A-RELEASE-RQ and waits for the A-RELEASE-RP (ARTIM), then
     * the transport is closed. The reader thread must be running ({@link #serve()}).
     */
    public void release() throws DicomNetworkException {
        synchronized (this) {
            if (state != State.STA6) {
                throw new DicomNetworkException("cannot release " + this + ": " + state.description());
            }
            sendLock.lock();
            try {
                state = State.STA7; // before the PDU leaves: the A-RELEASE-RP may come back at once
                send(new AReleaseRq());
            } catch (IOException e) {
                closeTransport(e);
                throw new DicomNetworkException("A-RELEASE-RQ to " + name + " failed: " + e.getMessage(), e);
            } finally {
                sendLock.unlock();
            }
        }
        try {
            if (!closedLatch.await(settings.artimTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                DicomNetworkException x = new DicomNetworkException("no A-RELEASE-RP from " + name + " within "
                        + settings.artimTimeoutMillis() + " ms; aborted");
                abortNow(AAbort.user(), x);
                throw x;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortNow(AAbort.user(), e);
            throw new DicomNetworkException("interrupted while releasing " + this);
        }
        if (closeCause != null) {
            throw new DicomNetworkException("release of " + this + " ended by: " + closeCause.getMessage(), closeCause);
        }
    }

    /** A-ABORT from the service-user (PS3.8 §7.3): sends the A-ABORT PDU and closes the transport connection. */
    public void abort() {
        abortNow(AAbort.user(), new AssociationAbortedException("aborted locally: " + this, AAbort.user()));
    }

    /** Sends {@code abort} if the connection is still usable, then closes at once (used off the reader thread). */
    void abortNow(AAbort abort, Throwable cause) {
        if (state == State.STA1) {
            return;
        }
        trySend(abort);
        closeTransport(cause);
    }

    /** AA-8/AA-1: sends {@code abort}, then waits on this (reader) thread for the peer to close, ARTIM bounded. */
    private void abortAndAwaitClose(AAbort abort, Throwable cause) {
        LOG.log(Level.FINE, "aborting {0}: {1}", new Object[] {this, cause.getMessage()});
        if (closeCause == null) {
            closeCause = cause;
        }
        trySend(abort);
        awaitPeerClose();
    }

    private void trySend(Pdu pdu) {
        try {
            if (sendLock.tryLock(Math.max(100, settings.artimTimeoutMillis() / 10), TimeUnit.MILLISECONDS)) {
                try {
                    send(pdu);
                } finally {
                    sendLock.unlock();
                }
            }
        } catch (IOException e) {
            // the peer is gone already; closing is all that is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sta13: drain and discard until the peer closes or ARTIM expires, then close. */
    private void awaitPeerClose() {
        toSta13();
        try {
            socket.shutdownOutput();
            byte[] discard = new byte[4096];
            while (timedIn.read(discard, 0, discard.length) >= 0) {
                // the peer has nothing more to say that we would act on
            }
        } catch (IOException e) {
            // timeout or reset: close now
        }
        closeTransport(closeCause);
    }

    /** Closes the socket (Sta1) once, records the cause and tells the listeners. */
    void closeTransport(Throwable cause) {
        synchronized (this) {
            if (closedLatch.getCount() == 0) {
                return;
            }
            if (closeCause == null) {
                closeCause = cause;
            }
            state = State.STA1;
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
            closedLatch.countDown();
        }
        PresentationDataListener l = dataListener;
        if (l != null) {
            try {
                l.onClose(this, closeCause);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "close listener failed on " + this, e);
            }
        }
        for (Consumer<Association> c : closeListeners) {
            try {
                c.accept(this);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "close listener failed on " + this, e);
            }
        }
    }

    /** Waits until the association has ended (released, aborted or lost). */
    public boolean awaitClose(long timeout, TimeUnit unit) throws InterruptedException {
        return closedLatch.await(timeout, unit);
    }

    public boolean isClosed() {
        return closedLatch.getCount() == 0;
    }
}
