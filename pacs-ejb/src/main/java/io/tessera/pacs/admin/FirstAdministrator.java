package io.tessera.pacs.admin;

import io.tessera.pacs.domain.PacsUser;
import io.tessera.pacs.domain.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * On the first start (no users at all) creates {@code admin} with every role. Its password comes from the system
 * property {@code tessera.admin.password} or the environment variable {@code TESSERA_ADMIN_PASSWORD}; otherwise a
 * random one is printed once in the server log (README: "First login").
 */
@Singleton
@Startup
public class FirstAdministrator {
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    static final String USERNAME = "admin";

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @PostConstruct
    void createWhenNoUsers() {
        long users = em.createNamedQuery(PacsUser.COUNT, Long.class).getSingleResult();
        if (users > 0) {
            return;
        }
        String configured = System.getProperty("tessera.admin.password", System.getenv("TESSERA_ADMIN_PASSWORD"));
        String password = configured == null || configured.isBlank() ? PasswordHash.random() : configured;
        PacsUser admin = new PacsUser(USERNAME, PasswordHash.of(password));
        admin.setFullName("Administrator");
        admin.setRoles(EnumSet.allOf(Role.class));
        em.persist(admin);
        if (configured == null || configured.isBlank()) {
            LOG.warning("First start: created console user 'admin' with password " + password
                    + " — log in at /pacs/ and change it on the Users page. This is printed only once.");
        } else {
            LOG.info("First start: created console user 'admin' with the configured password.");
        }
    }
}
