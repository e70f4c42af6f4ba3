package io.tessera.pacs.web;

import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.browse.StudyFilter;
import io.tessera.pacs.remote.RemotePatient;
import io.tessera.pacs.remote.RemoteQueryResult;
import io.tessera.pacs.remote.RemoteQueryService;
import io.tessera.pacs.remote.RemoteStudy;
import io.tessera.pacs.remote.RetrieveProgress;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The remote query page (/remote.xhtml?ae=TITLE, 001 §3.3.2): C-FIND to a remote Q/R SCP at patient or study level
 * with the browser's filters, and Retrieve (C-MOVE of a study to us) with its progress polled.
 */
@Named
@ViewScoped
public class RemoteQueryPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private RemoteQueryService service;

    private String ae;
    private ApplicationEntityData entity;
    private boolean loaded;
    private final StudyFilter filter = new StudyFilter();
    private String level = "STUDY";
    private RemoteQueryResult result;
    private String retrieveId;
    private RetrieveProgress progress;

    @jakarta.annotation.PostConstruct
    public void open() {
        ae = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ae");
    }

    public ApplicationEntityData getEntity() {
        if (!loaded) {
            entity = service.find(ae).orElse(null);
            loaded = true;
        }
        return entity;
    }

    public void search() {
        if (getEntity() == null) {
            error("Query", "No application entity " + ae + ".");
            return;
        }
        result = "PATIENT".equals(level) ? service.findPatients(ae, filter) : service.findStudies(ae, filter);
        if (!result.isSuccess()) {
            error("Query " + ae, result.getError());
        }
    }

    /** From a patient-level match to that patient's studies: a study-level C-FIND by its Patient ID. */
    public void studiesOf(RemotePatient patient) {
        StudyFilter f = filter;
        f.setPatientName(null);
        f.setPatientId(patient.getPatientId());
        f.setAccessionNumber(null);
        f.setStudyDateFrom(null);
        f.setStudyDateTo(null);
        f.setModality(null);
        level = "STUDY";
        search();
    }

    public void retrieve(RemoteStudy study) {
        try {
            progress = service.retrieve(ae, study.getStudyInstanceUid());
            retrieveId = progress.getId();
            if (progress.isDone() && !progress.isSuccess()) {
                error("Retrieve", progress.getMessage());
            }
        } catch (EJBAccessException e) {
            error("Not allowed", "Retrieving into this archive takes a privilege other than View-only or Print.");
        }
    }

    /** p:poll's listener: the latest counts. */
    public void refresh() {
        if (retrieveId != null) {
            RetrieveProgress p = service.progress(retrieveId);
            if (p != null) {
                progress = p;
            }
        }
    }

    public boolean isRetrieving() {
        return progress != null && !progress.isDone();
    }

    public String getOurAeTitle() {
        return io.tessera.pacs.remote.MoveDestination.ourAeTitle();
    }

    private static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public String getAe() {
        return ae;
    }

    public void setAe(String ae) {
        this.ae = ae;
    }

    public StudyFilter getFilter() {
        return filter;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public RemoteQueryResult getResult() {
        return result;
    }

    public RetrieveProgress getProgress() {
        return progress;
    }
}
