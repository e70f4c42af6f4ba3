package io.tessera.pacs.admin;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.PacsUser;
import io.tessera.pacs.domain.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * Console users: add, edit, enable and disable, reset passwords. Only ADMIN may call it; the check is here, in the
 * EJB, whatever the web tier shows.
 */
@Stateless
@SecurityDomain("tessera")
@RolesAllowed("ADMIN")
public class UserService {
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MIN_PASSWORD_LENGTH = 8;

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @Resource
    private SessionContext session;

    public List<UserView> list() {
        return em.createNamedQuery(PacsUser.ALL, PacsUser.class).getResultStream().map(UserView::of).toList();
    }

    public UserView add(String username, String fullName, String password, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidRequestException("A user name is 1 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (!em.createNamedQuery(PacsUser.BY_USERNAME, PacsUser.class).setParameter("username", username)
                .getResultList().isEmpty()) {
            throw new InvalidRequestException("User '" + username + "' already exists.");
        }
        checkPassword(password);
        PacsUser user = new PacsUser(username, PasswordHash.of(password));
        user.setFullName(blankToNull(fullName));
        user.setRoles(roles);
        em.persist(user);
        LOG.info(() -> caller() + " added user '" + username + "' with " + roles);
        return UserView.of(user);
    }

    public UserView update(long id, String fullName, boolean enabled, Set<Role> roles) {
        PacsUser user = find(id);
        if (user.getUsername().equals(caller()) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new InvalidRequestException("You cannot disable yourself or take away your own ADMIN role.");
        }
        user.setFullName(blankToNull(fullName));
        user.setEnabled(enabled);
        user.setRoles(roles);
        LOG.info(() -> caller() + " updated user '" + user.getUsername() + "': enabled=" + enabled + ", " + roles);
        return UserView.of(user);
    }

    public void setPassword(long id, String password) {
        checkPassword(password);
        PacsUser user = find(id);
        user.setPasswordHash(PasswordHash.of(password));
        LOG.info(() -> caller() + " set the password of user '" + user.getUsername() + "'");
    }

    private PacsUser find(long id) {
        PacsUser user = em.find(PacsUser.class, id);
        if (user == null) {
            throw new InvalidRequestException("No user with id " + id + "; it may have been removed.");
        }
        return user;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException("A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
