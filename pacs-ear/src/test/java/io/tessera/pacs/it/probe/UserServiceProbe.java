package io.tessera.pacs.it.probe;

import io.tessera.pacs.admin.UserService;
import io.tessera.pacs.domain.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Test-only servlet, deployed beside the EAR: calls UserService as the user who authenticated with HTTP BASIC on the
 * same Elytron domain, so a test can see what the EJB itself allows — with no console page in between.
 */
@WebServlet("/users")
public class UserServiceProbe extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB(lookup = "java:global/pacs-ear/pacs-ejb/UserService!io.tessera.pacs.admin.UserService")
    private UserService userService;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            if ("add".equals(req.getParameter("action"))) {
                EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : req.getParameterValues("role")) {
                    roles.add(Role.valueOf(r));
                }
                userService.add(req.getParameter("username"), null, req.getParameter("password"), roles);
                resp.getWriter().print("added");
            } else {
                resp.getWriter().print("users=" + userService.list().size());
            }
        } catch (EJBAccessException e) {
            resp.setStatus(HttpServletResponse.SC_FORBIDDEN);
            resp.getWriter().print("EJB refused: " + e.getMessage());
        }
    }
}
