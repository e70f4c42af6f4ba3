package io.tessera.pacs.jca;

import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One pooled association opener. It keeps the associations its handles opened, so that closing a handle (or the
 * container cleaning up after a component that forgot to) releases them.
 */
final class DicomManagedConnection implements ManagedConnection {
    private final DicomResourceAdapter ra;
    private final Connector connector;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<DicomConnectionImpl> handles = ConcurrentHashMap.newKeySet();
    private final Set<Scu> open = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    DicomManagedConnection(DicomResourceAdapter ra) {
        this.ra = ra;
        this.connector = new Connector(ra.settings(), ra.executor());
    }

    String localAeTitle() {
        return ra.getAeTitle();
    }

    Scu open(String host, int port, AAssociateRq rq, DimseRequestHandler incoming) throws IOException {
        rq.callingAeTitle(ra.getAeTitle());
        Scu scu = Scu.open(connector, host, port, rq, incoming);
        open.add(scu);
        scu.association().addCloseListener(a -> open.remove(scu));
        return scu;
    }

    void closed(DicomConnectionImpl handle) {
        handles.remove(handle);
        releaseAll();
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    private void releaseAll() {
        // Scu.close releases, or aborts when the release fails
        open.forEach(Scu::close);
        open.clear();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        DicomConnectionImpl handle = new DicomConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof DicomConnectionImpl handle)) {
            throw new ResourceException("Not a DICOM connection handle: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        handles.forEach(DicomConnectionImpl::invalidate);
        handles.clear();
        releaseAll();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("DICOM associations are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "DICOM";
            }

            @Override
            public String getEISProductVersion() {
                return "PS3.8";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return ra.getAeTitle();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
