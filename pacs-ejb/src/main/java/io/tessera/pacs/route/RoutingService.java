package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.ForwardTaskState;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Map;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * The console's routing and forwarding service (issue 7): the automatic routing table (001 §3.3.5; changes take
 * Modify), user forwarding (001 §3.3.4; Forward or Modify), and the forward tasks with their states, history,
 * progress, retry and cancel. Privileges are checked here, whatever the page shows. A request refused for what
 * was asked throws {@link InvalidRequestException} with a message to show as it is.
 */
@Stateless
@SecurityDomain("tessera")
@RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
public class RoutingService {

    @EJB
    private RoutingTable table;

    @EJB
    private ForwardTasks tasks;

    @EJB
    private ForwardProgress progress;

    @Resource
    private SessionContext session;

    // ---- the automatic routing table ----

    /** Every rule, in the order they were added. */
    public List<RoutingRuleView> rules() {
        return table.list();
    }

    /**
     * Adds a rule.
     *
     * @throws InvalidRequestException unknown destination AE, malformed pattern or window, unknown source AE …
     */
    @RolesAllowed({"MODIFY", "ADMIN"})
    public RoutingRuleView addRule(RoutingRuleView rule) {
        rule.setId(null);
        return table.save(rule, user());
    }

    /** Changes the rule with {@code rule.getId()}; tasks it made already keep their settings. */
    @RolesAllowed({"MODIFY", "ADMIN"})
    public RoutingRuleView updateRule(RoutingRuleView rule) {
        if (rule.getId() == null) {
            throw new InvalidRequestException("Which rule? This one has not been saved yet.");
        }
        return table.save(rule, user());
    }

    /** Deletes a rule; its tasks stay (and still run). */
    @RolesAllowed({"MODIFY", "ADMIN"})
    public void deleteRule(long id) {
        if (!table.delete(id, user())) {
            throw new InvalidRequestException("There is no routing rule " + id + " (deleted already?).");
        }
    }

    /** The AE titles a rule or a Forward may name: application entities with a host and a port. */
    public List<String> destinations() {
        return table.destinations();
    }

    // ---- user forwarding ----

    /**
     * Queues every instance of the chosen patients, studies or series for {@code destinationAe}, one task each
     * (001 §3.3.4). Takes Forward or Modify.
     *
     * @throws InvalidRequestException unknown or unreachable destination, empty selection, nothing stored under it
     */
    @RolesAllowed({"FORWARD", "MODIFY", "ADMIN"})
    public ForwardResult forward(ForwardSelection selection, String destinationAe) {
        return tasks.forward(selection, destinationAe, user());
    }

    // ---- tasks ----

    /** Tasks matching {@code filter}, newest first, rows {@code first} to {@code first + max - 1} (max ≤ 500). */
    public List<ForwardTaskView> tasks(TaskFilter filter, int first, int max) {
        return tasks.find(filter, first, max);
    }

    /** How many tasks match {@code filter}: the paginator's total. */
    public int countTasks(TaskFilter filter) {
        return tasks.count(filter);
    }

    /** One task, or null. */
    public ForwardTaskView task(long id) {
        return tasks.view(id);
    }

    /** The failed attempts of a task, oldest first. */
    public List<ForwardTaskAttemptView> history(long taskId) {
        return tasks.history(taskId);
    }

    /** Tasks per state, every state present (0 when none). */
    public Map<ForwardTaskState, Long> countsByState() {
        return tasks.countsByState();
    }

    /** Tasks that failed for good (the dashboard's "failed tasks"). */
    public long failedTaskCount() {
        return tasks.countsByState().get(ForwardTaskState.FAILED);
    }

    /** The associations sending now, with their counts. */
    public List<TaskProgress> progress() {
        return progress.running();
    }

    /**
     * Runs a task again now (failed, cancelled or completed; a SCHEDULED or PENDING one is started at once),
     * attempts counted from zero.
     *
     * @throws InvalidRequestException unknown task, or one being sent now
     */
    @RolesAllowed({"FORWARD", "MODIFY", "ADMIN"})
    public void retry(long taskId) {
        tasks.retry(taskId, user());
    }

    /**
     * Cancels a task that is not completed: it is not sent (an instance on the wire finishes, the others of its
     * association stop).
     *
     * @throws InvalidRequestException unknown task, or one completed already
     */
    @RolesAllowed({"FORWARD", "MODIFY", "ADMIN"})
    public void cancel(long taskId) {
        tasks.cancel(taskId, user());
    }

    /** Retries every FAILED or CANCELLED task matching {@code filter}; returns how many. */
    @RolesAllowed({"FORWARD", "MODIFY", "ADMIN"})
    public int retryAll(TaskFilter filter) {
        return tasks.retryAll(filter, user());
    }

    /** Cancels every SCHEDULED, PENDING, IN_PROGRESS or FAILED task matching {@code filter}; returns how many. */
    @RolesAllowed({"FORWARD", "MODIFY", "ADMIN"})
    public int cancelAll(TaskFilter filter) {
        return tasks.cancelAll(filter, user());
    }

    private String user() {
        return session.getCallerPrincipal().getName();
    }
}
