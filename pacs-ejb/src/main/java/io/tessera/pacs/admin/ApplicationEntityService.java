package io.tessera.pacs.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.List;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * The Application Entities page's service (001 §3.3.1): every console user may list the AEs; changing the table takes
 * the Modify privilege or ADMIN, checked here whatever the page shows.
 */
@Stateless
@SecurityDomain("tessera")
public class ApplicationEntityService {

    @EJB
    private ApplicationEntityRegistry registry;

    @EJB
    private VerificationScu verification;

    @Resource
    private SessionContext session;

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public List<ApplicationEntityData> list() {
        return registry.list();
    }

    @RolesAllowed({"MODIFY", "ADMIN"})
    public ApplicationEntityData save(ApplicationEntityData data) {
        return registry.save(data, "console user " + session.getCallerPrincipal().getName());
    }

    /** The console's Ping (001 §3.3.2): a C-ECHO to the AE, with the exact error when it fails. */
    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public EchoResult echo(String title) {
        return registry.find(title).map(verification::echo)
                .orElseGet(() -> new EchoResult(title, false, "No application entity " + title + ".", 0));
    }

    @RolesAllowed({"MODIFY", "ADMIN"})
    public boolean remove(String title) {
        return registry.remove(title, "console user " + session.getCallerPrincipal().getName());
    }
}
