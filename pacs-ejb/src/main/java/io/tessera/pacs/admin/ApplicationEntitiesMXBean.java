package io.tessera.pacs.admin;

import java.util.List;

/**
 * {@code io.tessera.pacs:service=ApplicationEntities}: HIS/RIS automation keeps the application-entity table in step
 * over JMX (README, "JMX"). Reached remotely at {@code service:jmx:remote+http://host:9990} with a WildFly management user.
 */
public interface ApplicationEntitiesMXBean {

    /** Every AE, ordered by title. */
    List<ApplicationEntityData> getApplicationEntities();

    /** The AE titled so (case-insensitive), or null. */
    ApplicationEntityData find(String title);

    /**
     * Adds the AE or updates the one with this title. {@code port} 0 means none; empty strings mean none.
     * Throws IllegalArgumentException with the reason when a value is not acceptable.
     */
    ApplicationEntityData addOrUpdate(String title, String host, int port, boolean allowAccess, String archiveDir,
                                      boolean qrScp, boolean worklistScp, boolean printScp, boolean storageDestination,
                                      String description);

    /** Removes the AE; false when there was none. */
    boolean remove(String title);

    /** C-ECHO to the AE: "Success: …" or the exact error (rejection reason, status, connection failure). */
    String echo(String title);
}
