package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.route.ForwardResult;
import io.tessera.pacs.route.ForwardSelection;
import io.tessera.pacs.route.RoutingService;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;

/**
 * The Forward button's dialog state (001 §3.3.4: "select a destination AE title from a drop-down list of application
 * entities"), shared by the Studies and Study pages: the destinations, the one chosen, and what the last Forward
 * queued — shown with a link to the Tasks page. The pages own the selection; {@link RoutingService} checks Forward or
 * Modify and the destination.
 */
public final class ForwardAction implements Serializable {
    private static final long serialVersionUID = 1L;

    private List<String> destinations;
    private String destination;
    private ForwardResult result;

    /** Before the dialog opens: the destinations read again, the last result forgotten. */
    public void open(RoutingService routing) {
        destinations = routing.destinations();
        if (destination != null && !destinations.contains(destination)) {
            destination = null;
        }
        result = null;
    }

    /** Queues the selection for the chosen destination; true when it was queued (the dialog may close). */
    public boolean forward(RoutingService routing, ForwardSelection selection) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            result = routing.forward(selection, destination);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Forwarded", result.getMessage()));
            return true;
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not forwarded", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Forwarding takes the Forward or Modify privilege."));
        }
        return false;
    }

    /** Whether to show Forward; the EJB checks again. */
    public static boolean allowed() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("FORWARD") || external.isUserInRole("MODIFY") || external.isUserInRole("ADMIN");
    }

    public List<String> getDestinations() {
        return destinations == null ? List.of() : destinations;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** What the last Forward queued, or null. */
    public ForwardResult getResult() {
        return result;
    }
}
