package io.tessera.pacs.jca;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * The outbound side (ARCHITECTURE.md): bound at {@value #JNDI_NAME}; EJBs inject it with
 * {@code @Resource(lookup = DicomConnectionFactory.JNDI_NAME)} and open associations to remote AEs for every SCU
 * role — echo, store, find, move, get, worklist, N-services.
 */
public interface DicomConnectionFactory extends Serializable, Referenceable {
    String JNDI_NAME = "java:/eis/tessera/DicomConnectionFactory";

    /** A connection handle; close it (try-with-resources) to release what it opened. */
    DicomConnection getConnection() throws ResourceException;
}
