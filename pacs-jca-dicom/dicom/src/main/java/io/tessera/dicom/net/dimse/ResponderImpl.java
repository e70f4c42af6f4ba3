package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.net.Association;
import java.io.IOException;

/** The responder of one request: pending responses, then one final response (PS3.7 §9.3). */
final class ResponderImpl implements Responder {
    private final DimseProvider provider;
    private final Association association;
    private final DimseRequest request;
    private volatile boolean done;
    /** The last pending response's command as encoded, and its status: the next one with the same is identical. */
    private byte[] pendingCommand;
    private int pendingStatus;

    ResponderImpl(DimseProvider provider, Association association, DimseRequest request) {
        this.provider = provider;
        this.association = association;
        this.request = request;
    }

    @Override
    public void pending(int status, Attributes commandExtras, Attributes dataSet) throws IOException {
        if (!Status.isPending(status)) {
            throw new IllegalArgumentException(String.format("status %04XH is not a pending status", status));
        }
        if (done) {
            throw new IllegalStateException("final response already sent for " + request);
        }
        if (commandExtras == null && dataSet != null) {
            if (pendingCommand == null || pendingStatus != status) {
                pendingCommand = DimseProvider.encodeCommand(Commands.response(request.command(), status, true));
                pendingStatus = status;
            }
            provider.send(association, request.presentationContextId(), pendingCommand, DataWriter.of(dataSet));
            return;
        }
        send(status, commandExtras, dataSet);
    }

    @Override
    public void respond(int status, Attributes commandExtras, Attributes dataSet) throws IOException {
        if (Status.isPending(status)) {
            throw new IllegalArgumentException(String.format("status %04XH is pending, not final", status));
        }
        synchronized (this) {
            if (done) {
                throw new IllegalStateException("final response already sent for " + request);
            }
            done = true;
        }
        try {
            send(status, commandExtras, dataSet);
        } finally {
            provider.finished(request);
        }
    }

    private void send(int status, Attributes commandExtras, Attributes dataSet) throws IOException {
        Attributes rsp = Commands.response(request.command(), status, dataSet != null);
        if (commandExtras != null) {
            rsp.addAll(commandExtras);
        }
        provider.send(association, request.presentationContextId(), rsp,
                dataSet == null ? null : DataWriter.of(dataSet));
    }

    @Override
    public boolean isDone() {
        return done;
    }
}
