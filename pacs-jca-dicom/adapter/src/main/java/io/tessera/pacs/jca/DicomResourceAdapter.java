package io.tessera.pacs.jca;

import io.tessera.dicom.net.AssociationSettings;
import io.tessera.dicom.net.DicomListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter that puts Tessera on the DICOM network (ARCHITECTURE.md, "The resource adapter").
 * It owns sockets and threads through the {@link BootstrapContext}'s WorkManager; the EJB tier owns decisions and
 * data. Each activated endpoint (the message-driven bean) gets a DICOM listener; outbound associations come from
 * {@link DicomConnectionFactory}.
 *
 * <p>Every setting is a server system property {@code tessera.dicom.*} (README, "Configuration"), read at start:
 * aetitle, bind.address, port, tls.port, tls.keystore, tls.keystore.password, max.associations, max.pdu,
 * timeout.connect, timeout.artim, timeout.dimse, timeout.idle (milliseconds).
 */
@Connector(displayName = "Tessera DICOM", vendorName = "Tessera", eisType = "DICOM",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class DicomResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(DicomResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "TESSERA", description = "Our AE title (tessera.dicom.aetitle)")
    private String aeTitle = "TESSERA";

    @ConfigProperty(defaultValue = "11112", description = "DICOM port (tessera.dicom.port)")
    private Integer port = 11112;

    private String bindAddress;
    private int tlsPort = -1;
    private String tlsKeyStore;
    private String tlsKeyStorePassword;
    private int maxAssociations = 100;
    private AssociationSettings settings;
    private BootstrapContext bootstrapContext;
    private Executor executor;
    private final Map<MessageEndpointFactory, DicomListener> listeners = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        this.bootstrapContext = ctx;
        this.executor = new WorkManagerExecutor(ctx.getWorkManager());
        aeTitle = System.getProperty("tessera.dicom.aetitle", aeTitle);
        port = Integer.getInteger("tessera.dicom.port", port);
        bindAddress = System.getProperty("tessera.dicom.bind.address");
        tlsPort = Integer.getInteger("tessera.dicom.tls.port", tlsPort);
        tlsKeyStore = System.getProperty("tessera.dicom.tls.keystore");
        tlsKeyStorePassword = System.getProperty("tessera.dicom.tls.keystore.password", "");
        maxAssociations = Integer.getInteger("tessera.dicom.max.associations", maxAssociations);
        settings = new AssociationSettings();
        settings.maxPduReceive(Integer.getInteger("tessera.dicom.max.pdu", settings.maxPduReceive()));
        settings.connectTimeoutMillis(Integer.getInteger("tessera.dicom.timeout.connect", settings.connectTimeoutMillis()));
        settings.artimTimeoutMillis(Integer.getInteger("tessera.dicom.timeout.artim", settings.artimTimeoutMillis()));
        settings.dimseTimeoutMillis(Integer.getInteger("tessera.dicom.timeout.dimse", settings.dimseTimeoutMillis()));
        settings.idleTimeoutMillis(Integer.getInteger("tessera.dicom.timeout.idle", settings.idleTimeoutMillis()));
        LOG.info(() -> "Tessera DICOM resource adapter started: AE title " + aeTitle + ", port " + port
                + (tlsPort > 0 ? ", TLS port " + tlsPort : "") + ", max PDU " + settings.maxPduReceive()
                + ", max associations " + maxAssociations);
    }

    @Override
    public void stop() {
        listeners.values().forEach(DicomListener::close);
        listeners.clear();
        LOG.info("Tessera DICOM resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        DicomActivationSpec activation = (DicomActivationSpec) spec;
        var services = activation.services();
        InboundAssociations inbound = new InboundAssociations(factory, services, executor);
        DicomListener listener = new DicomListener(settings, inbound, executor).port(port).maxAssociations(maxAssociations);
        try {
            if (bindAddress != null && !bindAddress.isBlank()) {
                listener.bindAddress(InetAddress.getByName(bindAddress));
            }
            if (tlsPort > 0) {
                listener.tls(tlsPort, sslContext(), false);
            }
            listener.start();
        } catch (IOException | GeneralSecurityException e) {
            listener.close();
            throw new ResourceException("Cannot open the DICOM listener on port " + port
                    + (tlsPort > 0 ? " / TLS port " + tlsPort : "") + ": " + e.getMessage(), e);
        }
        listeners.put(factory, listener);
        LOG.info(() -> "DICOM listener " + aeTitle + " open on port " + listener.port()
                + (tlsPort > 0 ? " and TLS port " + listener.tlsPort() : "") + " for " + services);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        DicomListener listener = listeners.remove(factory);
        if (listener != null) {
            listener.close();
            LOG.info(() -> "DICOM listener on port " + port + " closed");
        }
    }

    /** PS3.15 B.1 basic TLS secure transport connection profile: the server's key from a PKCS#12 (or JKS) keystore. */
    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        if (tlsKeyStore == null) {
            throw new GeneralSecurityException("tessera.dicom.tls.port is set but tessera.dicom.tls.keystore is not");
        }
        char[] password = tlsKeyStorePassword.toCharArray();
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(tlsKeyStore))) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    AssociationSettings settings() {
        return settings;
    }

    Executor executor() {
        return executor;
    }

    BootstrapContext bootstrapContext() {
        return bootstrapContext;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
