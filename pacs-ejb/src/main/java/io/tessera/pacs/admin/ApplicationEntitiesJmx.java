package io.tessera.pacs.admin;

import io.tessera.pacs.InvalidRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import javax.management.ObjectName;

/** Registers {@link ApplicationEntitiesMXBean} with the server's MBean server while the EAR is deployed. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ApplicationEntitiesJmx implements ApplicationEntitiesMXBean {
    static final String OBJECT_NAME = "io.tessera.pacs:service=ApplicationEntities";

    @EJB
    private ApplicationEntityRegistry registry;

    @EJB
    private VerificationScu verification;

    private ObjectName name;

    @PostConstruct
    void register() {
        name = PlatformMBeans.register(this, OBJECT_NAME);
    }

    @PreDestroy
    void unregister() {
        PlatformMBeans.unregister(name);
    }

    @Override
    public List<ApplicationEntityData> getApplicationEntities() {
        return registry.list();
    }

    @Override
    public ApplicationEntityData find(String title) {
        return registry.find(title).orElse(null);
    }

    @Override
    public ApplicationEntityData addOrUpdate(String title, String host, int port, boolean allowAccess, String archiveDir,
                                             boolean qrScp, boolean worklistScp, boolean printScp,
                                             boolean storageDestination, String description) {
        ApplicationEntityData d = new ApplicationEntityData();
        d.setTitle(title);
        d.setHost(host);
        d.setPort(port == 0 ? null : port);
        d.setAllowAccess(allowAccess);
        d.setArchiveDir(archiveDir);
        d.setQrScp(qrScp);
        d.setWorklistScp(worklistScp);
        d.setPrintScp(printScp);
        d.setStorageDestination(storageDestination);
        d.setDescription(description);
        try {
            return registry.save(d, "JMX client");
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (EJBException e) {
            throw unwrap(e);
        }
    }

    @Override
    public boolean remove(String title) {
        return registry.remove(title, "JMX client");
    }

    @Override
    public String echo(String title) {
        return registry.find(title).map(verification::echo).map(EchoResult::getMessage)
                .orElse("No application entity " + title + ".");
    }

    /** A remote JMX client has only the JDK's classes: hand it the message, not a WildFly exception type. */
    private static RuntimeException unwrap(EJBException e) {
        Throwable cause = e.getCause() instanceof InvalidRequestException ? e.getCause() : e;
        return new IllegalArgumentException(cause.getMessage());
    }
}
