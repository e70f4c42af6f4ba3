package io.tessera.pacs.remote;

import io.tessera.pacs.browse.StudyFilter;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * The remote query page's service (001 §3.3.1–3.3.2): any console user may query a remote Q/R SCP; retrieving a
 * study into our archive takes a privilege that may add data (View is read-only, Print only prints).
 */
@Stateless
@SecurityDomain("tessera")
public class RemoteQueryService {
    private static final Logger LOG = Logger.getLogger(RemoteQueryService.class.getName());

    @EJB
    private ApplicationEntityRegistry registry;

    @EJB
    private RemoteDicom remote;

    @EJB
    private RetrieveJobs jobs;

    @Resource
    private SessionContext session;

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public Optional<ApplicationEntityData> find(String title) {
        return title == null ? Optional.empty() : registry.find(title);
    }

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public List<ApplicationEntityData> queryable() {
        return registry.list().stream().filter(ae -> ae.isReachable() && ae.isQrScp()).toList();
    }

    /** Study-level C-FIND (Study Root) to the AE with the filter. */
    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public RemoteQueryResult findStudies(String title, StudyFilter filter) {
        return registry.find(title).map(ae -> remote.findStudies(ae, filter))
                .orElseGet(() -> new RemoteQueryResult(null, null, "No application entity " + title + ".", 0));
    }

    /** Patient-level C-FIND (Patient Root) to the AE with the filter's patient keys. */
    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public RemoteQueryResult findPatients(String title, StudyFilter filter) {
        return registry.find(title).map(ae -> remote.findPatients(ae, filter))
                .orElseGet(() -> new RemoteQueryResult(null, null, "No application entity " + title + ".", 0));
    }

    /** Starts a C-MOVE of the study from the AE to us; returns its progress at once, for the page to poll. */
    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "UPDATE", "ADMIN"})
    public RetrieveProgress retrieve(String title, String studyInstanceUid) {
        RetrieveProgress progress = jobs.create(title, studyInstanceUid);
        Optional<ApplicationEntityData> ae = registry.find(title);
        if (ae.isEmpty() || !ae.get().isReachable()) {
            progress.finish(false, ae.isEmpty() ? "No application entity " + title + "."
                    : "No host and port are set for " + title + ".");
            return progress;
        }
        LOG.info(() -> "console user " + session.getCallerPrincipal().getName() + " retrieves study "
                + studyInstanceUid + " from " + title);
        remote.move(ae.get(), studyInstanceUid, MoveDestination.ourAeTitle(), progress);
        return progress;
    }

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public RetrieveProgress progress(String id) {
        return jobs.get(id);
    }
}
