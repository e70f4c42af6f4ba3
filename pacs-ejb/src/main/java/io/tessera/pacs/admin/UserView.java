package io.tessera.pacs.admin;

import io.tessera.pacs.domain.PacsUser;
import io.tessera.pacs.domain.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What the console shows of a user: never the password hash. A class with getters, not a record: Jakarta EL 5
 * (Jakarta EE 10) reads bean properties only.
 */
public final class UserView implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String fullName;
    private final boolean enabled;
    private final Set<Role> roles;
    private final Instant createdAt;
    private final Instant updatedAt;

    private UserView(PacsUser u) {
        id = u.getId();
        username = u.getUsername();
        fullName = u.getFullName();
        enabled = u.isEnabled();
        roles = u.getRoles();
        createdAt = u.getCreatedAt();
        updatedAt = u.getUpdatedAt();
    }

    static UserView of(PacsUser u) {
        return new UserView(u);
    }

    public long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
