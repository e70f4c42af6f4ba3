package io.tessera.pacs.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the error page says: the HTTP status in words, never the exception. An unexpected exception is logged with
 * its stack trace for the operator; the user gets a sentence.
 */
@Named
@RequestScoped
public class ErrorPage {
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    private final int status;

    public ErrorPage() {
        Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Object code = request.get(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.get(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t) {
            LOG.log(Level.WARNING, "Console request " + request.get(RequestDispatcher.ERROR_REQUEST_URI) + " failed", t);
        }
        status = code instanceof Integer i ? i : 500;
    }

    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            default -> "Something went wrong";
        };
    }

    public String getText() {
        return switch (status) {
            case 403 -> "Your user has no privilege for this page. Ask an administrator if you need it.";
            case 404 -> "There is no page at this address. Check the link, or go back to the console.";
            default -> "The server could not complete the request. Try again; if it happens again, "
                    + "the server log has the details.";
        };
    }
}
