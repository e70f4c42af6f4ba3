package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.Pdu;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The acceptor: listens on a TCP port (and optionally a TLS port, PS3.15 Annex B.1 basic TLS profile), runs one
 * {@link Association} per connection on a thread of the injected {@link Executor}, and limits the number of
 * simultaneous associations (beyond it: A-ASSOCIATE-RJ transient, local-limit-exceeded, PS3.8 Table 9-21).
 *
 * <p>Threads: one executor task per bound port (the accept loop), one idle watchdog, and one per connection. A connection that does
 * not deliver its A-ASSOCIATE-RQ within the ARTIM timeout is closed, so stalled or hostile peers cost one thread
 * for at most that long.
 */
public final class DicomListener implements Closeable {

    private static final Logger LOG = Logger.getLogger(DicomListener.class.getName());

    private final AssociationAcceptor acceptor;
    private final Executor executor;
    private final AssociationSettings settings;
    private InetAddress bindAddress;
    private int port = 104;
    private int tlsPort = -1;
    private SSLContext sslContext;
    private String[] tlsProtocols = {"TLSv1.3", "TLSv1.2"};
    private boolean tlsNeedClientAuth;
    private int maxAssociations = 100;
    private int maxPendingConnections = 32;

    private final List<ServerSocket> serverSockets = new CopyOnWriteArrayList<>();
    private final Set<Association> associations = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger established = new AtomicInteger();
    private volatile boolean closed;

    public DicomListener(AssociationSettings settings, AssociationAcceptor acceptor, Executor executor) {
        this.settings = settings;
        this.acceptor = acceptor;
        this.executor = executor;
    }

    /** Local address to bind; null = all interfaces. */
    public DicomListener bindAddress(InetAddress address) {
        this.bindAddress = address;
        return this;
    }

    /** TCP port for plain DICOM; 0 = any free port (see {@link #port()} after {@link #start()}); -1 = none. */
    public DicomListener port(int port) {
        this.port = port;
        return this;
    }

    /** A second port for DICOM over TLS with {@code context}; -1 = none. */
    public DicomListener tls(int tlsPort, SSLContext context, boolean needClientAuth) {
        this.tlsPort = tlsPort;
        this.sslContext = context;
        this.tlsNeedClientAuth = needClientAuth;
        return this;
    }

    public DicomListener tlsProtocols(String... protocols) {
        this.tlsProtocols = protocols.clone();
        return this;
    }

    /** Most simultaneous established associations; further requests get a transient reject. */
    public DicomListener maxAssociations(int max) {
        this.maxAssociations = max;
        return this;
    }

    /**
     * Connections beyond {@code maxAssociations + n} are closed at once without reading them (a flood guard; a
     * well-behaved peer then sees a reset instead of a reject).
     */
    public DicomListener maxPendingConnections(int n) {
        this.maxPendingConnections = n;
        return this;
    }

    public synchronized void start() throws IOException {
        if (!serverSockets.isEmpty()) {
            throw new IllegalStateException("listener already started");
        }
        try {
            if (port >= 0) {
                ServerSocket ss = new ServerSocket();
                bind(ss, port);
            }
            if (tlsPort >= 0 && sslContext != null) {
                SSLServerSocket ss = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket();
                ss.setEnabledProtocols(tlsProtocols);
                ss.setNeedClientAuth(tlsNeedClientAuth);
                bind(ss, tlsPort);
            }
            if (settings.idleTimeoutMillis() > 0) {
                executor.execute(this::idleWatchdog);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void bind(ServerSocket ss, int p) throws IOException {
        ss.setReuseAddress(true);
        if (settings.socketBufferSize() > 0) {
            ss.setReceiveBufferSize(settings.socketBufferSize());
        }
        ss.bind(new InetSocketAddress(bindAddress, p), 128);
        serverSockets.add(ss);
        try {
            executor.execute(() -> acceptLoop(ss));
        } catch (RejectedExecutionException e) {
            ss.close();
            throw new IOException("the executor refused the accept loop for port " + p, e);
        }
    }

    /** The bound plain port (useful after {@code port(0)}), or -1. */
    public int port() {
        for (ServerSocket ss : serverSockets) {
            if (!(ss instanceof SSLServerSocket)) {
                return ss.getLocalPort();
            }
        }
        return -1;
    }

    /** The bound TLS port, or -1. */
    public int tlsPort() {
        for (ServerSocket ss : serverSockets) {
            if (ss instanceof SSLServerSocket) {
                return ss.getLocalPort();
            }
        }
        return -1;
    }

    public int establishedAssociations() {
        return established.get();
    }

    /** Open connections, including those still negotiating. */
    public int openConnections() {
        return connections.get();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!closed) {
            Socket s;
            try {
                s = ss.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept on port " + ss.getLocalPort() + " failed; listener stops", e);
                }
                return;
            }
            if (connections.incrementAndGet() > maxAssociations + maxPendingConnections) {
                connections.decrementAndGet();
                closeQuietly(s);
                continue;
            }
            try {
                executor.execute(() -> serve(s));
            } catch (RejectedExecutionException e) {
                connections.decrementAndGet();
                LOG.log(Level.WARNING, "no thread for a connection from {0}: closed", s.getRemoteSocketAddress());
                closeQuietly(s);
            }
        }
    }

    /** One executor task: aborts established associations idle longer than the idle timeout. */
    private void idleWatchdog() {
        long period = Math.max(50, Math.min(1000, settings.idleTimeoutMillis() / 4));
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Association a : associations) {
                a.checkIdle(now);
            }
        }
    }

    private void serve(Socket s) {
        Association a = null;
        try {
            a = new Association(s, settings, false);
            a.useIdleWatchdog();
            associations.add(a);
            final Association as = a;
            boolean ok = a.acceptAssociation(rq -> decide(rq, as));
            if (ok) {
                acceptor.established(a);
                a.serve();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "connection from " + s.getRemoteSocketAddress() + " ended", e);
            if (a != null) {
                a.closeTransport(e);
            } else {
                closeQuietly(s);
            }
        } finally {
            if (a != null) {
                a.closeTransport(null);
                associations.remove(a);
                if (a.acceptance() != null) { // decide() counted it when it answered with an A-ASSOCIATE-AC
                    established.decrementAndGet();
                    try {
                        acceptor.closed(a);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "closed() hook failed for " + a, e);
                    }
                }
            }
            connections.decrementAndGet();
        }
    }

    private Pdu decide(AAssociateRq rq, Association a) {
        if (closed) {
            return AAssociateRj.localLimitExceeded();
        }
        AAssociateRj rj = acceptor.admit(rq, a.remoteAddress());
        if (rj != null) {
            return rj;
        }
        if (established.incrementAndGet() > maxAssociations) {
            established.decrementAndGet();
            return AAssociateRj.localLimitExceeded();
        }
        AAssociateAc ac = new AAssociateAc();
        ac.protocolVersion(1);
        ac.calledAeTitle(rq.calledAeTitle());   // PS3.8 §9.3.3: returned as received
        ac.callingAeTitle(rq.callingAeTitle());
        ac.applicationContext(rq.applicationContext());
        ac.userInformation().maxLength(settings.maxPduReceive())
                .implementationClassUid(settings.implementationClassUid())
                .implementationVersionName(settings.implementationVersionName());
        if (rq.userInformation().hasAsyncOpsWindow()) {
            ac.userInformation().asyncOpsWindow(1, 1); // 001 §3.2.3: asynchronous operations not supported
        }
        try {
            acceptor.negotiate(rq, ac);
        } catch (RuntimeException e) {
            established.decrementAndGet();
            throw e;
        }
        return ac;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** Stops accepting and aborts the associations still open. */
    @Override
    public void close() {
        closed = true;
        for (ServerSocket ss : serverSockets) {
            try {
                ss.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
        serverSockets.clear();
        for (Association a : associations) {
            a.abort();
        }
    }
}
