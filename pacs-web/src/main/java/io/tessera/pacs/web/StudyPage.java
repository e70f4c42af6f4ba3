package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.browse.DeleteResult;
import io.tessera.pacs.browse.InstanceView;
import io.tessera.pacs.browse.SeriesView;
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
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * One study (/study.xhtml?uid=…): its series, the instances of the chosen series (lazy), Delete series, Forward of
 * the study or of the ticked series (001 §3.3.4; Forward or Modify privilege).
 */
@Named
@ViewScoped
public class StudyPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private BrowseService browse;

    @EJB
    private RoutingService routing;

    private String uid;
    private StudyView study;
    private List<SeriesView> series;
    private Map<String, String> thumbnails = Map.of();
    private String selectedSeries;
    private final InstanceModel instances = new InstanceModel();
    private List<SeriesView> selectedSeriesToForward = new ArrayList<>();
    private final ForwardAction forward = new ForwardAction();
    /** What Forward sends: STUDY (the whole study) or SERIES (the ticked series). */
    private String forwardLevel = "STUDY";

    public final class InstanceModel extends LazyDataModel<InstanceView> {
        private static final long serialVersionUID = 1L;
        private List<InstanceView> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return selectedSeries == null ? 0 : browse.countInstances(selectedSeries);
        }

        @Override
        public List<InstanceView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            page = selectedSeries == null ? List.of() : browse.findInstances(selectedSeries, first, pageSize);
            return page;
        }

        @Override
        public String getRowKey(InstanceView i) {
            return i.getSopInstanceUid();
        }

        @Override
        public InstanceView getRowData(String rowKey) {
            return page.stream().filter(i -> i.getSopInstanceUid().equals(rowKey)).findFirst().orElse(null);
        }
    }

    /** Reads the study named by the uid request parameter of the GET that opened the view. */
    @jakarta.annotation.PostConstruct
    public void open() {
        uid = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("uid");
        load();
    }

    private void load() {
        study = uid == null ? null : browse.study(uid);
        series = study == null ? List.of() : browse.findSeries(uid);
        thumbnails = study == null ? Map.of() : new java.util.HashMap<>(browse.thumbnailUids(uid));
        if (selectedSeries == null && !series.isEmpty()) {
            selectedSeries = series.get(0).getSeriesInstanceUid();
        }
    }

    /** Thumbnail edge in pixels (the servlet's size parameter). */
    public static final int THUMBNAIL_SIZE = 64;

    /** The SOP Instance UID of the series' first image, or null when it has none (e.g. an SR series). */
    public String thumbnailUid(SeriesView s) {
        return thumbnails.get(s.getSeriesInstanceUid());
    }

    public int getThumbnailSize() {
        return THUMBNAIL_SIZE;
    }

    public void show(SeriesView s) {
        selectedSeries = s.getSeriesInstanceUid();
    }

    public void deleteSeries(SeriesView s) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            DeleteResult r = browse.deleteSeries(s.getSeriesInstanceUid());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Deleted",
                    "Series " + (s.getSeriesNumber() == null ? "" : s.getSeriesNumber() + " ") + "(" + s.getModality()
                            + ") deleted: " + r.instances() + " instances."));
            if (s.getSeriesInstanceUid().equals(selectedSeries)) {
                selectedSeries = null;
            }
            load();
            if (study == null) {
                // that was the study's last series: the study is gone with it
                faces.getExternalContext().getFlash().setKeepMessages(true);
                faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/browse.xhtml");
            }
        } catch (InvalidRequestException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not deleted", e.getMessage()));
        } catch (EJBAccessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Not allowed",
                    "Deleting series takes the Update privilege."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Forward button: the ticked series when there are some, else the whole study. */
    public void startForward() {
        forward.open(routing);
        forwardLevel = selectedSeriesToForward == null || selectedSeriesToForward.isEmpty() ? "STUDY" : "SERIES";
    }

    public void doForward() {
        ForwardSelection selection = "SERIES".equals(forwardLevel)
                ? ForwardSelection.series(selectedSeriesToForward.stream().map(SeriesView::getSeriesInstanceUid).toList())
                : ForwardSelection.studies(List.of(uid));
        if (forward.forward(routing, selection)) {
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("forwarded", true);
        }
    }

    public boolean isMayForward() {
        return ForwardAction.allowed();
    }

    public List<SeriesView> getSelectedSeriesToForward() {
        return selectedSeriesToForward;
    }

    public void setSelectedSeriesToForward(List<SeriesView> selectedSeriesToForward) {
        this.selectedSeriesToForward = selectedSeriesToForward == null ? new ArrayList<>() : selectedSeriesToForward;
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

    public boolean isMayDelete() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().isUserInRole("UPDATE") || faces.getExternalContext().isUserInRole("ADMIN");
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public StudyView getStudy() {
        return study;
    }

    public List<SeriesView> getSeries() {
        return series;
    }

    public String getSelectedSeries() {
        return selectedSeries;
    }

    public InstanceModel getInstances() {
        return instances;
    }
}
