package io.tessera.pacs.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The logged-in user's session: log out ends it and returns to the login page. */
@Named
@RequestScoped
public class ConsoleSession {

    public String logout() throws ServletException {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) ctx.getRequest()).logout();
        ctx.invalidateSession();
        return "/index?faces-redirect=true";
    }
}
