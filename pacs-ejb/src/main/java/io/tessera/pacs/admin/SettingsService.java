package io.tessera.pacs.admin;

import io.tessera.pacs.domain.StorageFormat;
import io.tessera.pacs.store.StorageSettings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * The console's Settings page (issue 8). The AE title, DICOM port and thread limits are WildFly system properties and
 * JCA work-manager settings: shown here read-only, changed in the server configuration, effective after a restart.
 * The storage format and the preferred transfer syntax are run-time settings kept by {@link StorageSettings}, which
 * validates and persists them; only ADMIN changes them, effective with the next image received.
 */
@Stateless
@SecurityDomain("tessera")
public class SettingsService {
    /** The DICOM adapter's default when tessera.dicom.max.associations is not set (DicomResourceAdapter). */
    static final int DEFAULT_MAX_ASSOCIATIONS = 100;
    /** The tessera-dicom work manager's long-running pool size in wildfly-config's configure.cli. */
    static final int CONFIGURED_THREADS = 256;

    @EJB
    private StorageSettings storage;

    @Resource
    private SessionContext session;

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public SettingsView settings() {
        SettingsView v = new SettingsView();
        v.setAeTitle(System.getProperty("tessera.dicom.aetitle", "TESSERA"));
        v.setPort(Integer.getInteger("tessera.dicom.port", 11112));
        v.setMaxAssociations(Integer.getInteger("tessera.dicom.max.associations", DEFAULT_MAX_ASSOCIATIONS));
        v.setThreads(workManagerThreads());
        v.setFormat(storage.getFormat());
        v.setPreferredTransferSyntax(storage.getPreferredTransferSyntax() == null ? "" : storage.getPreferredTransferSyntax());
        return v;
    }

    /** Changes the storage format and preferred transfer syntax; the other values are read-only here. */
    @RolesAllowed("ADMIN")
    public void change(StorageFormat format, String preferredTransferSyntax) {
        storage.change(null, format, null, null, preferredTransferSyntax == null ? "" : preferredTransferSyntax,
                "console user " + session.getCallerPrincipal().getName() + " (Settings page)");
    }

    /** The running work manager's long-running max-threads as WildFly reports it, else the configured size. */
    private static int workManagerThreads() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(
                    "jboss.as:subsystem=jca,workmanager=tessera-dicom,long-running-threads=tessera-dicom");
            Object v = server.getAttribute(name, "maxThreads");
            return v instanceof Number n ? n.intValue() : CONFIGURED_THREADS;
        } catch (Exception | LinkageError e) {
            return CONFIGURED_THREADS;
        }
    }
}
