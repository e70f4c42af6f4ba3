package io.tessera.pacs.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The object in JNDI: asks the container's connection manager for a pooled managed connection's handle. */
public class DicomConnectionFactoryImpl implements DicomConnectionFactory {
    private static final long serialVersionUID = 1L;

    private final transient DicomManagedConnectionFactory mcf;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    DicomConnectionFactoryImpl(DicomManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    @Override
    public DicomConnection getConnection() throws ResourceException {
        return (DicomConnection) connectionManager.allocateConnection(mcf, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
