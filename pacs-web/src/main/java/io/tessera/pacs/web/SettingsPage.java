package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.SettingsService;
import io.tessera.pacs.admin.SettingsView;
import io.tessera.pacs.domain.StorageFormat;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Settings page (/settings.xhtml, issue 8): DICOM settings read-only, storage format and transfer syntax by ADMIN. */
@Named
@ViewScoped
public class SettingsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private SettingsService service;

    private SettingsView settings;

    public SettingsView getSettings() {
        if (settings == null) {
            settings = service.settings();
        }
        return settings;
    }

    public List<StorageFormat> getFormats() {
        return List.of(StorageFormat.values());
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            service.change(settings.getFormat(), settings.getPreferredTransferSyntax());
            settings = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved",
                    "Settings saved; the storage format and transfer syntax apply to the next image received."));
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not saved", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Only an administrator may change the settings."));
        }
    }
}
