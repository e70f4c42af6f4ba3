package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.StorageFormat;
import io.tessera.pacs.store.DuplicatePolicy;
import io.tessera.pacs.store.PatientIdPolicy;
import io.tessera.pacs.store.StorageService;
import io.tessera.pacs.store.StorageService.StorageSettingsView;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The Storage page (/storage.xhtml, issue 5): storage settings (ADMIN changes them) and counters since start. */
@Named
@ViewScoped
public class StoragePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private StorageService service;

    private StorageSettingsView settings;

    public StorageSettingsView getSettings() {
        if (settings == null) {
            settings = service.settings();
        }
        return settings;
    }

    public List<StorageFormat> getFormats() {
        return List.of(StorageFormat.values());
    }

    public List<DuplicatePolicy> getDuplicatePolicies() {
        return List.of(DuplicatePolicy.values());
    }

    public List<PatientIdPolicy> getPatientIdPolicies() {
        return List.of(PatientIdPolicy.values());
    }

    public String failuresText() {
        Map<String, Long> f = getSettings().getFailures();
        return f == null || f.isEmpty() ? "none" : f.toString().replaceAll("[{}]", "");
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            service.change(settings);
            settings = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Saved",
                    "Storage settings saved; they apply to the next image received."));
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not saved", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Only an administrator may change the storage settings."));
        }
    }
}
