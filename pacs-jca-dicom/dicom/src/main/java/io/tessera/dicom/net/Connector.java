package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.UserInformation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The requestor: opens a transport connection (TCP_NODELAY, connect timeout, optional TLS) and requests an
 * association (PS3.8 §9.2, Sta4 → Sta6). The established association's reader runs on the injected executor,
 * or on a daemon thread when none is given.
 */
public final class Connector {

    private final AssociationSettings settings;
    private final Executor executor;
    private SSLContext sslContext;
    private String[] tlsProtocols = {"TLSv1.3", "TLSv1.2"};

    public Connector(AssociationSettings settings, Executor executor) {
        this.settings = settings;
        this.executor = executor;
    }

    public Connector tls(SSLContext context) {
        this.sslContext = context;
        return this;
    }

    public Connector tlsProtocols(String... protocols) {
        this.tlsProtocols = protocols.clone();
        return this;
    }

    public AssociationSettings settings() {
        return settings;
    }

    /**
     * Connects and negotiates. Our Maximum Length Received and implementation identification are filled in unless
     * set. {@code dataListener} (the DIMSE layer) is attached before the reader starts.
     *
     * @throws AssociationRejectedException with the peer's reason when it rejects
     */
    public Association open(String host, int port, AAssociateRq rq, PresentationDataListener dataListener)
            throws IOException {
        UserInformation ui = rq.userInformation();
        if (ui.maxLength() == 0) {
            ui.maxLength(settings.maxPduReceive());
        }
        if (ui.implementationClassUid() == null) {
            ui.implementationClassUid(settings.implementationClassUid());
            ui.implementationVersionName(settings.implementationVersionName());
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            if (settings.socketBufferSize() > 0) {
                s.setReceiveBufferSize(settings.socketBufferSize());
                s.setSendBufferSize(settings.socketBufferSize());
            }
            s.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
            if (sslContext != null) {
                SSLSocket ssl = (SSLSocket) sslContext.getSocketFactory().createSocket(s, host, port, true);
                ssl.setEnabledProtocols(tlsProtocols);
                ssl.setUseClientMode(true);
                ssl.setSoTimeout(settings.artimTimeoutMillis());
                ssl.startHandshake();
                s = ssl;
            }
        } catch (IOException e) {
            s.close();
            throw new DicomNetworkException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        Association a = new Association(s, settings, true);
        a.requestAssociation(rq);
        a.dataListener(dataListener);
        Runnable reader = a::serve;
        try {
            if (executor != null) {
                executor.execute(reader);
            } else {
                Thread t = new Thread(reader, "dicom-scu " + rq.callingAeTitle() + "->" + rq.calledAeTitle());
                t.setDaemon(true);
                t.start();
            }
        } catch (RejectedExecutionException e) {
            a.abort();
            throw new DicomNetworkException("no thread to serve the association to " + host + ":" + port, e);
        }
        return a;
    }
}
