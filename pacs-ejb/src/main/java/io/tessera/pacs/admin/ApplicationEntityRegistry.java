package io.tessera.pacs.admin;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.ApplicationEntity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application-entity table itself: look-ups for association acceptance, C-MOVE destinations and the console,
 * and validated changes. No caller check here: the console goes through {@link ApplicationEntityService} (which
 * checks privileges) and JMX through {@link ApplicationEntitiesJmx} (which WildFly's management security guards).
 */
@Stateless
public class ApplicationEntityRegistry {
    private static final Logger LOG = Logger.getLogger(ApplicationEntityRegistry.class.getName());

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    public List<ApplicationEntityData> list() {
        return em.createNamedQuery(ApplicationEntity.ALL, ApplicationEntity.class).getResultStream()
                .map(ApplicationEntityData::of).toList();
    }

    /** The row whose title matches case-insensitively (001 §2.2), if any. */
    public Optional<ApplicationEntityData> find(String title) {
        return entity(title).map(ApplicationEntityData::of);
    }

    /** 001 §2.2: a calling AE may associate when its title is in the table and its access is enabled. */
    public boolean isAllowed(String callingTitle) {
        return callingTitle != null && entity(callingTitle).map(ApplicationEntity::isAllowAccess).orElse(false);
    }

    /** Adds the AE, or updates the row with the same title (or the same id, when the console renames it). */
    public ApplicationEntityData save(ApplicationEntityData data, String by) {
        validate(data);
        ApplicationEntity byTitle = entity(data.getTitle()).orElse(null);
        ApplicationEntity ae;
        if (data.getId() != null) {
            ae = em.find(ApplicationEntity.class, data.getId());
            if (ae == null) {
                throw new InvalidRequestException("Application entity " + data.getTitle() + " was removed meanwhile.");
            }
            if (byTitle != null && !byTitle.getId().equals(ae.getId())) {
                throw new InvalidRequestException("Another application entity is already called " + byTitle.getTitle() + ".");
            }
        } else {
            ae = byTitle;
        }
        boolean added = ae == null;
        if (added) {
            ae = new ApplicationEntity(data.getTitle());
            data.applyTo(ae);
            em.persist(ae);
        } else {
            data.applyTo(ae);
        }
        em.flush();
        ApplicationEntity saved = ae;
        LOG.info(() -> by + (added ? " added" : " updated") + " application entity " + describe(saved));
        return ApplicationEntityData.of(ae);
    }

    public boolean remove(String title, String by) {
        Optional<ApplicationEntity> ae = entity(title);
        ae.ifPresent(a -> {
            em.remove(a);
            LOG.info(() -> by + " removed application entity " + a.getTitle());
        });
        return ae.isPresent();
    }

    private Optional<ApplicationEntity> entity(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(ApplicationEntity.BY_TITLE_KEY, ApplicationEntity.class)
                .setParameter("titleKey", ApplicationEntity.titleKey(title)).getResultStream().findFirst();
    }

    /** PS3.5 Table 6.2-1, VR AE: 1 to 16 characters of the default repertoire, no backslash, no control characters. */
    static void validate(ApplicationEntityData d) {
        String title = d.getTitle() == null ? "" : d.getTitle().strip();
        if (title.isEmpty() || title.length() > 16 || !title.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')) {
            throw new InvalidRequestException("An AE title is 1 to 16 printable ASCII characters without a backslash.");
        }
        d.setTitle(title);
        d.setHost(blankToNull(d.getHost()));
        d.setArchiveDir(blankToNull(d.getArchiveDir()));
        d.setDescription(blankToNull(d.getDescription()));
        if (d.getPort() != null && (d.getPort() < 1 || d.getPort() > 65535)) {
            throw new InvalidRequestException("A TCP port is a number from 1 to 65535.");
        }
        if (d.getPort() != null && d.getHost() == null) {
            throw new InvalidRequestException("Give the host name or address of " + title + " as well as its port.");
        }
        if ((d.isQrScp() || d.isWorklistScp() || d.isPrintScp() || d.isStorageDestination()) && !d.isReachable()) {
            throw new InvalidRequestException("We connect to " + title
                    + " for the services ticked, so it needs a host and a port.");
        }
        if (d.getDescription() != null && d.getDescription().length() > 255) {
            throw new InvalidRequestException("A description has at most 255 characters.");
        }
    }

    private static String describe(ApplicationEntity a) {
        return a.getTitle() + " (" + (a.getHost() == null ? "no address" : a.getHost() + ":" + a.getPort())
                + ", access " + (a.isAllowAccess() ? "allowed" : "refused") + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
