package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityService;
import io.tessera.pacs.admin.EchoResult;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/** The Application Entities page (/ae.xhtml, 001 §3.3.1): list, add, edit, delete. The service checks Modify. */
@Named
@ViewScoped
public class ApplicationEntitiesPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ApplicationEntityService service;

    private List<ApplicationEntityData> entities;
    private ApplicationEntityData edited = new ApplicationEntityData();
    private boolean adding;
    private EchoResult lastEcho;

    public List<ApplicationEntityData> getEntities() {
        if (entities == null) {
            entities = service.list();
        }
        return entities;
    }

    public String services(ApplicationEntityData ae) {
        StringBuilder s = new StringBuilder();
        if (ae.isQrScp()) {
            s.append("Query/Retrieve ");
        }
        if (ae.isWorklistScp()) {
            s.append("Worklist ");
        }
        if (ae.isPrintScp()) {
            s.append("Print ");
        }
        if (ae.isStorageDestination()) {
            s.append("Destination ");
        }
        return s.toString().strip();
    }

    public void startAdd() {
        adding = true;
        edited = new ApplicationEntityData();
    }

    public void startEdit(ApplicationEntityData ae) {
        adding = false;
        edited = ae;
    }

    public void save() {
        try {
            ApplicationEntityData saved = service.save(edited);
            info("Saved", "Application entity " + saved.getTitle() + " saved.");
            entities = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (InvalidRequestException e) {
            error("Not saved", e.getMessage());
        } catch (EJBAccessException e) {
            error("Not allowed", "Changing application entities takes the Modify privilege.");
        }
    }

    public void delete(ApplicationEntityData ae) {
        try {
            if (service.remove(ae.getTitle())) {
                info("Deleted", "Application entity " + ae.getTitle() + " deleted.");
            }
            entities = null;
        } catch (EJBAccessException e) {
            error("Not allowed", "Deleting application entities takes the Modify privilege.");
        }
    }

    /** Ping (001 §3.3.2): C-ECHO to the AE; the result stays on the page under the table. */
    public void ping(ApplicationEntityData ae) {
        lastEcho = service.echo(ae.getTitle());
        if (lastEcho.isSuccess()) {
            info("Ping " + ae.getTitle(), lastEcho.getMessage());
        } else {
            error("Ping " + ae.getTitle(), lastEcho.getMessage());
        }
    }

    public EchoResult getLastEcho() {
        return lastEcho;
    }

    private static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    private static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public boolean isAdding() {
        return adding;
    }

    public ApplicationEntityData getEdited() {
        return edited;
    }
}
