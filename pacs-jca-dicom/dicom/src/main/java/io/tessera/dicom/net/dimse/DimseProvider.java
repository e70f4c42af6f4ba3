package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.AssociationAbortedException;
import io.tessera.dicom.net.DicomNetworkException;
import io.tessera.dicom.net.PDataOutputStream;
import io.tessera.dicom.net.PresentationDataListener;
import io.tessera.dicom.net.pdu.AAbort;
import io.tessera.dicom.net.pdu.PduFormatException;
import io.tessera.dicom.net.pdu.Pdv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DIMSE service provider of one association (PS3.7 §7–§10): assembles command sets from PDVs, streams data sets
 * to the {@link DimseRequestHandler}, routes responses to the SCU operations waiting for them, delivers C-CANCEL,
 * and sends messages (command then data set, never interleaved with another message).
 *
 * <p>Asynchronous operations are not negotiated (001 §3.2.3: window 1/1), so one request is served at a time per
 * direction; a C-CANCEL may still arrive while a C-FIND/C-MOVE/C-GET runs, which is why those run on the executor.
 */
public final class DimseProvider implements PresentationDataListener {

    private static final Logger LOG = Logger.getLogger(DimseProvider.class.getName());
    private static final Object CLOSED = new Object();

    private final DimseRequestHandler handler;
    private final Executor executor;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final Map<Integer, BlockingQueue<Object>> outstanding = new ConcurrentHashMap<>();
    private final Map<Integer, DimseRequest> inProgress = new ConcurrentHashMap<>();
    private final AtomicInteger inline = new AtomicInteger();

    // command assembly, reader thread only
    private ByteArrayOutputStream commandBytes;
    private int commandPcid = -1;

    /**
     * @param handler  serves requests we receive; null answers C-ECHO with success and anything else with
     *                 Unrecognized Operation (0211H)
     * @param executor runs C-FIND/C-MOVE/C-GET handlers; null runs them on the reader thread (then C-CANCEL is only
     *                 seen after the handler returns)
     */
    public DimseProvider(DimseRequestHandler handler, Executor executor) {
        this.handler = handler;
        this.executor = executor;
    }

    // ---- receiving ----

    @Override
    public void onPdv(Association as, Pdv pdv) throws IOException {
        if (!pdv.command()) {
            throw new PduFormatException(AAbort.UNEXPECTED_PDU_PARAMETER, 10, "data set fragment on presentation "
                    + "context " + pdv.presentationContextId() + " without a command announcing it (PS3.7 §6.3.1)");
        }
        if (commandBytes == null) {
            commandBytes = new ByteArrayOutputStream(Math.max(256, pdv.length()));
            commandPcid = pdv.presentationContextId();
        } else if (commandPcid != pdv.presentationContextId()) {
            throw new PduFormatException(AAbort.UNEXPECTED_PDU_PARAMETER, 10, "command fragment on context "
                    + pdv.presentationContextId() + " continues a command begun on context " + commandPcid);
        }
        commandBytes.write(pdv.buffer(), pdv.offset(), pdv.length());
        if (commandBytes.size() > 1 << 20) {
            throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 10, "command set over 1 MB");
        }
        if (!pdv.last()) {
            return;
        }
        byte[] bytes = commandBytes.toByteArray();
        int pcid = commandPcid;
        commandBytes = null;
        commandPcid = -1;
        Attributes command;
        try {
            command = new DicomInputStream(new ByteArrayInputStream(bytes), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                    bytes.length).readDataset();
        } catch (IOException e) {
            throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 12, "command set on context " + pcid
                    + " is not valid Implicit VR Little Endian (PS3.7 §6.3.1): " + e.getMessage());
        }
        int field = command.getInt(Tag.CommandField, -1);
        if (field < 0) {
            throw new PduFormatException(AAbort.INVALID_PDU_PARAMETER_VALUE, 12,
                    "command set without Command Field (0000,0100)");
        }
        dispatch(as, pcid, field, command);
    }

    private void dispatch(Association as, int pcid, int field, Attributes command) throws IOException {
        boolean hasData = Commands.hasDataSet(command);
        if (Dimse.isResponse(field)) {
            Attributes ds = null;
            if (hasData) {
                PDataInputStream in = new PDataInputStream(as, pcid);
                // a response's data set is small (a C-FIND match, a failed SOP instance list): the buffer grows if not
                ds = new DicomInputStream(in, TransferSyntax.of(as.transferSyntax(pcid)), 1024).readDataset();
                in.drain();
            }
            int id = command.getInt(Tag.MessageIDBeingRespondedTo, -1);
            BlockingQueue<Object> q = outstanding.get(id);
            if (q == null) {
                LOG.log(Level.WARNING, "{0} for message ID {1} that is not outstanding on {2}: ignored",
                        new Object[] {Dimse.name(field), id, as});
                return;
            }
            DimseResponse rsp = new DimseResponse(command, ds);
            if (!rsp.isPending()) {
                outstanding.remove(id);
            }
            q.add(rsp);
            return;
        }
        if (field == Dimse.C_CANCEL_RQ) {
            DimseRequest r = inProgress.get(command.getInt(Tag.MessageIDBeingRespondedTo, -1));
            if (r != null) {
                r.cancel();
            }
            if (hasData) {
                new PDataInputStream(as, pcid).drain();
            }
            return;
        }
        if (Dimse.isCancelable(field)) {
            byte[] data = null;
            if (hasData) {
                data = new PDataInputStream(as, pcid).readAllBytes();
            }
            DimseRequest req = new DimseRequest(as, pcid, command, data == null ? null : new ByteArrayInputStream(data));
            ResponderImpl responder = new ResponderImpl(this, as, req);
            if (inProgress.putIfAbsent(req.messageId(), req) != null) {
                responder.respond(Status.DUPLICATE_INVOCATION, null, null);
                return;
            }
            if (executor == null) {
                invoke(req, responder);
                return;
            }
            try {
                executor.execute(() -> invoke(req, responder));
            } catch (RejectedExecutionException e) {
                responder.respond(Status.OUT_OF_RESOURCES, Commands.errorComment(new Attributes(),
                        "no thread to serve the request"), null);
            }
            return;
        }
        PDataInputStream in = hasData ? new PDataInputStream(as, pcid) : null;
        DimseRequest req = new DimseRequest(as, pcid, command, in);
        inline.incrementAndGet();
        try {
            invoke(req, new ResponderImpl(this, as, req));
        } finally {
            inline.decrementAndGet();
        }
        if (in != null) {
            in.drain();
        }
    }

    private void invoke(DimseRequest req, ResponderImpl responder) {
        try {
            if (handler != null) {
                handler.onRequest(req, responder);
            } else if (req.commandField() == Dimse.C_ECHO_RQ) {
                responder.respond(Status.SUCCESS); // PS3.4 §A.4: the Verification SCP answers success
            } else {
                responder.respond(Status.UNRECOGNIZED_OPERATION);
            }
        } catch (AssociationAbortedException e) {
            LOG.log(Level.FINE, "association ended during " + req, e);
        } catch (PduFormatException e) {
            // a protocol error in the data set: no response, the reader aborts the association (drain rethrows)
            LOG.log(Level.FINE, "protocol error during " + req, e);
        } catch (IOException | RuntimeException e) {
            if (req.association().isClosed()) {
                LOG.log(Level.FINE, "association ended during " + req, e);
                return;
            }
            LOG.log(Level.WARNING, "handler failed on " + req + " from " + req.association(), e);
            if (!responder.isDone()) {
                try {
                    responder.respond(Status.PROCESSING_FAILURE, Commands.errorComment(new Attributes(false, 1),
                            e.getMessage() != null ? e.getMessage() : e.toString()), null);
                } catch (IOException x) {
                    LOG.log(Level.FINE, "could not send the failure response", x);
                }
            }
        }
    }

    void finished(DimseRequest req) {
        inProgress.remove(req.messageId(), req);
    }

    @Override
    public boolean busy() {
        return !outstanding.isEmpty() || !inProgress.isEmpty() || inline.get() > 0;
    }

    @Override
    public void onClose(Association as, Throwable cause) {
        for (BlockingQueue<Object> q : outstanding.values()) {
            q.add(cause != null ? cause : CLOSED);
        }
        for (DimseRequest r : inProgress.values()) {
            r.cancel();
        }
    }

    // ---- sending ----

    /** A fresh Message ID, 1..65535 (PS3.7 §9.1.1.1). */
    public int nextMessageId() {
        for (;;) {
            int id = messageIds.incrementAndGet() & 0xFFFF;
            if (id != 0) {
                return id;
            }
        }
    }

    /** Sends one message: the command set, then the data set if {@code data} is not null. */
    public void send(Association as, int pcid, Attributes command, DataWriter data) throws IOException {
        send(as, pcid, encodeCommand(command), data);
    }

    /** A command set as it goes on the wire (Implicit VR Little Endian with its group length, PS3.7 §6.3.1). */
    static byte[] encodeCommand(Attributes command) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(160);
        DicomOutputStream dos = new DicomOutputStream(out, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, 256);
        dos.writeCommand(command);
        dos.flush();
        return out.toByteArray();
    }

    /**
     * Sends a command set already encoded ({@link #encodeCommand}) and its data set: a C-FIND SCP's pending
     * responses all carry the same command, encoded once per request.
     */
    void send(Association as, int pcid, byte[] command, DataWriter data) throws IOException {
        ReentrantLock lock = as.sendLock();
        lock.lock();
        try {
            PDataOutputStream c = as.openPData(pcid, true);
            if (data != null) {
                c.holdLastPdu(); // the command and the data set's first PDU leave in one write
            }
            c.write(command, 0, command.length); // the PDU is the buffer: a command set is ~100 bytes
            c.close();
            if (data != null) {
                try {
                    PDataOutputStream d = as.openPData(pcid, false);
                    data.writeTo(d, as.transferSyntax(pcid));
                    d.close();
                } finally {
                    as.flushHeld(); // nothing left behind if the data set failed before its first PDU
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * SCU: sends a request and waits for its final response, passing each pending response to {@code onPending}
     * (may be null). Each response must arrive within the DIMSE timeout, else the association is aborted.
     */
    public DimseResponse invoke(Association as, int pcid, Attributes request, DataWriter data,
                                Consumer<DimseResponse> onPending) throws IOException {
        int id = request.getInt(Tag.MessageID, -1);
        if (id < 0) {
            throw new IllegalArgumentException("request without Message ID");
        }
        BlockingQueue<Object> q = new LinkedBlockingQueue<>();
        if (outstanding.putIfAbsent(id, q) != null) {
            throw new IllegalStateException("message ID " + id + " is already outstanding on " + as);
        }
        try {
            send(as, pcid, request, data);
            String what = Dimse.name(request.getInt(Tag.CommandField, 0)) + " (message ID " + id + ")";
            int timeout = as.settings().dimseTimeoutMillis();
            for (;;) {
                Object o = q.poll(timeout <= 0 ? Long.MAX_VALUE : timeout, TimeUnit.MILLISECONDS);
                if (o == null) {
                    as.abort();
                    throw new DicomNetworkException("no response to " + what + " from " + as.remoteAeTitle()
                            + " within the DIMSE timeout of " + timeout + " ms; association aborted");
                }
                if (o instanceof DimseResponse rsp) {
                    if (!rsp.isPending()) {
                        return rsp;
                    }
                    if (onPending != null) {
                        onPending.accept(rsp);
                    }
                    continue;
                }
                if (o instanceof Throwable t) {
                    throw new DicomNetworkException("association ended while waiting for the response to " + what
                            + ": " + t.getMessage(), t);
                }
                throw new DicomNetworkException("association released while waiting for the response to " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicomNetworkException("interrupted while waiting for a response on " + as);
        } finally {
            outstanding.remove(id, q);
        }
    }
}
