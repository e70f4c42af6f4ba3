package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.UserService;
import io.tessera.pacs.admin.UserView;
import io.tessera.pacs.domain.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/** The Users page (/admin/users.xhtml): list, add, edit, enable/disable, set passwords. UserService checks ADMIN. */
@Named
@ViewScoped
public class UsersPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private UserService userService;

    private List<UserView> users;
    private boolean adding;
    private Long editedId;
    private String username;
    private String fullName;
    private String password;
    private boolean enabled = true;
    // An array, not a List: Faces converts the submitted values by the array's component type (enum Role).
    private Role[] roles = {};

    public List<UserView> getUsers() {
        if (users == null) {
            users = userService.list();
        }
        return users;
    }

    public String rolesText(UserView u) {
        return u.getRoles().stream().map(Role::name).collect(Collectors.joining(", "));
    }

    public List<Role> getAllRoles() {
        return List.of(Role.values());
    }

    public void startAdd() {
        adding = true;
        editedId = null;
        username = null;
        fullName = null;
        password = null;
        enabled = true;
        roles = new Role[] {Role.VIEW};
    }

    public void startEdit(UserView u) {
        adding = false;
        editedId = u.getId();
        username = u.getUsername();
        fullName = u.getFullName();
        password = null;
        enabled = u.isEnabled();
        roles = u.getRoles().toArray(Role[]::new);
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            EnumSet<Role> chosen = EnumSet.noneOf(Role.class);
            chosen.addAll(List.of(roles));
            if (adding) {
                userService.add(username, fullName, password, chosen);
            } else {
                userService.update(editedId, fullName, enabled, chosen);
                if (password != null && !password.isEmpty()) {
                    userService.setPassword(editedId, password);
                }
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved", "User " + username + " saved."));
            users = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not saved", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Only an administrator may manage users."));
        }
    }

    public boolean isAdding() {
        return adding;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Role[] getRoles() {
        return roles;
    }

    public void setRoles(Role[] roles) {
        this.roles = roles == null ? new Role[0] : roles;
    }
}
