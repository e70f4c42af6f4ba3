package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.BrowseText;
import io.tessera.pacs.browse.DeleteResult;
import io.tessera.pacs.browse.StudyFilter;
import io.tessera.pacs.browse.StudyView;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The study browser (/browse.xhtml): filters, a lazy paged and sorted table of studies, Delete (Update privilege). */
@Named
@ViewScoped
public class BrowsePage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private BrowseService browse;

    private final StudyFilter filter = new StudyFilter();
    private final StudyModel studies = new StudyModel();
    private String filterError;

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

        @Override
        public StudyView getRowData(String rowKey) {
            return page.stream().filter(s -> s.getStudyInstanceUid().equals(rowKey)).findFirst().orElse(null);
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
