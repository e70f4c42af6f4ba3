package io.tessera.pacs.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;
import java.util.logging.Logger;

/**
 * The resource adapter that puts Tessera on the DICOM network (ARCHITECTURE.md, "The resource adapter").
 * It owns sockets and threads through the {@link BootstrapContext}'s WorkManager; the EJB tier owns decisions and
 * data. Its configuration is the DICOM listener: AE title and port, from the server's system properties
 * {@code tessera.dicom.aetitle} (default TESSERA) and {@code tessera.dicom.port} (default 11112).
 */
@Connector(displayName = "Tessera DICOM", vendorName = "Tessera", eisType = "DICOM",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class DicomResourceAdapter implements ResourceAdapter {
    private static final Logger LOG = Logger.getLogger(DicomResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "TESSERA", description = "Our AE title")
    private String aeTitle = "TESSERA";

    @ConfigProperty(defaultValue = "11112", description = "DICOM port")
    private Integer port = 11112;

    private BootstrapContext bootstrapContext;

    @Override
    public void start(BootstrapContext ctx) {
        this.bootstrapContext = ctx;
        aeTitle = System.getProperty("tessera.dicom.aetitle", aeTitle);
        port = Integer.getInteger("tessera.dicom.port", port);
        LOG.info(() -> "Tessera DICOM resource adapter started: AE title " + aeTitle + ", port " + port);
    }

    @Override
    public void stop() {
        LOG.info("Tessera DICOM resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("No DICOM endpoint yet: the network layer comes with issue 4");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
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
