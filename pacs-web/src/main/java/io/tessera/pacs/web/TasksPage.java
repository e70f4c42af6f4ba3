package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.ForwardTaskState;
import io.tessera.pacs.route.ForwardTaskAttemptView;
import io.tessera.pacs.route.ForwardTaskView;
import io.tessera.pacs.route.RoutingService;
import io.tessera.pacs.route.TaskFilter;
import io.tessera.pacs.route.TaskProgress;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The forward tasks (/tasks.xhtml, issue 7): what routing and users' Forward queued, filtered by state, destination
 * and creation date, one page at a time (the table never loads more than a page); counts per state, the associations
 * sending now, a task's failed attempts; Retry and Cancel, one task or every task matching the filter (Forward or
 * Modify; the EJB checks again). {@code ?state=FAILED&destination=AE} open it filtered (the dashboard's link).
 */
@Named
@ViewScoped
public class TasksPage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @EJB
    private RoutingService routing;

    private final TaskFilter filter = new TaskFilter();
    private final TaskModel tasks = new TaskModel();
    private Map<ForwardTaskState, Long> counts;
    private List<TaskProgress> progress;
    private List<String> destinations;
    private ForwardTaskView shown;
    private List<ForwardTaskAttemptView> history = List.of();

    /** One page of tasks and the total, both by the EJB, per request. */
    public final class TaskModel extends LazyDataModel<ForwardTaskView> {
        private static final long serialVersionUID = 1L;
        private List<ForwardTaskView> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return routing.countTasks(filter);
        }

        @Override
        public List<ForwardTaskView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            page = routing.tasks(filter, first, pageSize);
            return page;
        }

        @Override
        public String getRowKey(ForwardTaskView t) {
            return Long.toString(t.getId());
        }

        @Override
        public ForwardTaskView getRowData(String rowKey) {
            return page.stream().filter(t -> Long.toString(t.getId()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    /** The filter of the link that opened the page: ?state=FAILED, ?destination=AE. */
    @PostConstruct
    public void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String state = parameters.get("state");
        if (state != null && !state.isBlank()) {
            try {
                filter.setState(ForwardTaskState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                error("Unknown state", "There is no task state '" + state.strip() + "'; showing every state.");
            }
        }
        String destination = parameters.get("destination");
        if (destination != null && !destination.isBlank()) {
            filter.setDestinationAe(destination.strip());
        }
    }

    /** Search: the table starts again at its first page; the counts are read again. */
    public void search() {
        if (filter.getFrom() != null && filter.getTo() != null && filter.getFrom().isAfter(filter.getTo())) {
            error("Dates", "The first date is after the last one: no task can match.");
        }
        firstPage();
        refresh();
    }

    /** Clears the filter: every task. */
    public void clear() {
        filter.setState(null);
        filter.setDestinationAe(null);
        filter.setFrom(null);
        filter.setTo(null);
        search();
    }

    /** Shows only the tasks in {@code state} (a click on its count). */
    public void byState(ForwardTaskState state) {
        filter.setState(state);
        search();
    }

    /** The poll's listener: counts and progress are read again at the next render (the table always is). */
    public void refresh() {
        counts = null;
        progress = null;
    }

    private static void firstPage() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("tasks:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void retry(ForwardTaskView t) {
        act(() -> {
            routing.retry(t.getId());
            info("Retried", "Task " + t.getId() + " to " + t.getDestinationAe() + " is pending again.");
        });
    }

    public void cancel(ForwardTaskView t) {
        act(() -> {
            routing.cancel(t.getId());
            info("Cancelled", "Task " + t.getId() + " to " + t.getDestinationAe() + " is cancelled.");
        });
    }

    /** Retries every failed or cancelled task matching the filter. */
    public void retryAll() {
        act(() -> {
            int n = routing.retryAll(filter);
            info("Retried", n == 0 ? "No failed or cancelled task matches the filter."
                    : n + " task" + (n == 1 ? " is" : "s are") + " pending again.");
        });
    }

    /** Cancels every task matching the filter that is not completed or cancelled already. */
    public void cancelAll() {
        act(() -> {
            int n = routing.cancelAll(filter);
            info("Cancelled", n == 0 ? "No task to cancel matches the filter."
                    : n + " task" + (n == 1 ? "" : "s") + " cancelled.");
        });
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidRequestException e) {
            error("Not done", e.getMessage());
        } catch (EJBAccessException e) {
            error("Not allowed", "Retrying and cancelling tasks takes the Forward or Modify privilege.");
        }
        refresh();
    }

    /** Opens a task's history: the task as it is now and its failed attempts. */
    public void showHistory(ForwardTaskView t) {
        shown = routing.task(t.getId());
        history = shown == null ? List.of() : routing.history(t.getId());
        if (shown == null) {
            error("No such task", "Task " + t.getId() + " is no longer there.");
        }
    }

    public boolean mayRetry(ForwardTaskView t) {
        return t.getState() != ForwardTaskState.IN_PROGRESS && t.getState() != ForwardTaskState.PENDING;
    }

    public boolean mayCancel(ForwardTaskView t) {
        return t.getState() != ForwardTaskState.COMPLETED && t.getState() != ForwardTaskState.CANCELLED;
    }

    /** Whether to show Retry and Cancel; the EJB checks again. */
    public boolean isMayAct() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("FORWARD") || external.isUserInRole("MODIFY") || external.isUserInRole("ADMIN");
    }

    public Map<ForwardTaskState, Long> getCounts() {
        if (counts == null) {
            counts = routing.countsByState();
        }
        return counts;
    }

    public long count(ForwardTaskState state) {
        Long n = getCounts().get(state);
        return n == null ? 0 : n;
    }

    public List<TaskProgress> getProgress() {
        if (progress == null) {
            progress = routing.progress();
        }
        return progress;
    }

    public List<ForwardTaskState> getStates() {
        return List.of(ForwardTaskState.values());
    }

    /** The destinations the filter offers: AEs that can receive now. */
    public List<String> getDestinations() {
        if (destinations == null) {
            destinations = routing.destinations();
        }
        return destinations;
    }

    /** Date and time in the server's zone (the zone the date filter uses too). */
    public String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    public String getZone() {
        return ZoneId.systemDefault().getId();
    }

    /** The state's CSS class, e.g. state-failed. */
    public String stateClass(ForwardTaskState s) {
        return s == null ? "" : "state-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    private static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public TaskFilter getFilter() {
        return filter;
    }

    public TaskModel getTasks() {
        return tasks;
    }

    public ForwardTaskView getShown() {
        return shown;
    }

    public List<ForwardTaskAttemptView> getHistory() {
        return history;
    }
}
