package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.BrowseText;
import io.tessera.pacs.browse.DeleteResult;
import io.tessera.pacs.browse.StudyFilter;
import io.tessera.pacs.browse.StudyView;
import io.tessera.pacs.route.ForwardSelection;
import io.tessera.pacs.route.RoutingService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The study browser (/browse.xhtml): filters, a lazy paged and sorted table of studies, Delete (Update privilege),
 * Forward of the ticked studies or of every study of their patients (001 §3.3.4; Forward or Modify privilege).
 */
@Named
@ViewScoped
public class BrowsePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private BrowseService browse;

    @EJB
    private RoutingService routing;

    private final StudyFilter filter = new StudyFilter();
    private final StudyModel studies = new StudyModel();
    private String filterError;
    private List<StudyView> selectedStudies = new ArrayList<>();
    private final ForwardAction forward = new ForwardAction();
    /** What Forward sends: STUDY (the ticked studies) or PATIENT (every study of their patients). */
    private String forwardLevel = "STUDY";

    /** The lazy model: one page of studies and the total per request, both by the EJB. */
    public final class StudyModel extends LazyDataModel<StudyView> {
        private static final long serialVersionUID = 1L;
        private List<StudyView> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return browse.countStudies(filter);
            } catch (InvalidRequestException e) {
                filterError = e.getMessage();
                return 0;
            }
        }

        @Override
        public List<StudyView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            if (filterError != null) {
                page = List.of();
                return page;
            }
            String field = null;
            boolean ascending = true;
            for (SortMeta s : sortBy.values()) {
                field = s.getField();
                ascending = s.getOrder() != SortOrder.DESCENDING;
                break;
            }
            page = browse.findStudies(filter, first, pageSize, field, ascending);
            return page;
        }

        @Override
        public String getRowKey(StudyView s) {
            return s.getStudyInstanceUid();
        }

        /** A ticked study of another page is read again: the selection survives paging. */
        @Override
        public StudyView getRowData(String rowKey) {
            return page.stream().filter(s -> s.getStudyInstanceUid().equals(rowKey)).findFirst()
                    .orElseGet(() -> browse.study(rowKey));
        }
    }

    public void search() {
        filterError = null;
        try {
            BrowseText.dateFilter(filter.getStudyDateFrom(), "The first study date");
            BrowseText.dateFilter(filter.getStudyDateTo(), "The last study date");
        } catch (InvalidRequestException e) {
            filterError = e.getMessage();
        }
        // the table re-reads count and page from the filter (a bad date is reported then), from the first page
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("browse:studies") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Patient → studies: every study of the patient of this row. */
    public void byPatient(StudyView s) {
        clear();
        filter.setPatientId(s.getPatientId());
        search();
    }

    public void clear() {
        filterError = null;
        filter.setPatientName(null);
        filter.setPatientId(null);
        filter.setAccessionNumber(null);
        filter.setStudyDateFrom(null);
        filter.setStudyDateTo(null);
        filter.setModality(null);
        filter.setSourceAe(null);
    }

    public void deleteStudy(StudyView study) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            DeleteResult r = browse.deleteStudy(study.getStudyInstanceUid());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deleted",
                    "Study of " + study.getPatientNameDisplay() + " deleted: " + r.series() + " series, "
                            + r.instances() + " instances."));
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not deleted", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Deleting studies takes the Update privilege."));
        }
    }

    /** The Forward button: the dialog opens for the ticked studies, or a message says to tick some first. */
    public void startForward() {
        if (selectedStudies == null || selectedStudies.isEmpty()) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "Nothing chosen", "Tick the studies to forward in the table first."));
            return;
        }
        forward.open(routing);
        PrimeFaces.current().ajax().addCallbackParam("chosen", true);
    }

    /** The dialog's Forward: the ticked studies, or every study of their patients, to the chosen destination. */
    public void doForward() {
        List<StudyView> chosen = selectedStudies == null ? List.of() : selectedStudies;
        ForwardSelection selection = "PATIENT".equals(forwardLevel)
                ? ForwardSelection.patients(chosen.stream().map(StudyView::getPatientId).distinct().toList())
                : ForwardSelection.studies(chosen.stream().map(StudyView::getStudyInstanceUid).toList());
        if (forward.forward(routing, selection)) {
            PrimeFaces.current().ajax().addCallbackParam("forwarded", true);
        }
    }

    /** How many patients the ticked studies belong to (the dialog's patient choice says it). */
    public long getSelectedPatients() {
        return selectedStudies == null ? 0 : selectedStudies.stream().map(StudyView::getPatientId).distinct().count();
    }

    public boolean isMayForward() {
        return ForwardAction.allowed();
    }

    public List<StudyView> getSelectedStudies() {
        return selectedStudies;
    }

    public void setSelectedStudies(List<StudyView> selectedStudies) {
        this.selectedStudies = selectedStudies;
    }

    public ForwardAction getForward() {
        return forward;
    }

    public String getForwardLevel() {
        return forwardLevel;
    }

    public void setForwardLevel(String forwardLevel) {
        this.forwardLevel = forwardLevel;
    }

    /** Whether to show Delete; the EJB checks again. */
    public boolean isMayDelete() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().isUserInRole("UPDATE") || faces.getExternalContext().isUserInRole("ADMIN");
    }

    public StudyFilter getFilter() {
        return filter;
    }

    public StudyModel getStudies() {
        return studies;
    }

    public String getFilterError() {
        return filterError;
    }
}
