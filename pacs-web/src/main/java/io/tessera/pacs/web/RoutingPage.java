package io.tessera.pacs.web;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityService;
import io.tessera.pacs.domain.RoutingRuleKey;
import io.tessera.pacs.route.RoutingRuleView;
import io.tessera.pacs.route.RoutingService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The automatic routing table (/routing.xhtml; 001 §1 "Automatic Image Routing Table", §3.3.5): list, add, edit and
 * delete entries. Every user sees the table; changes take Modify, which {@link RoutingService} checks again. The
 * service validates a rule (known destination, well-formed pattern and window) and its message is shown as it is.
 */
@Named
@ViewScoped
public class RoutingPage implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The form's two schedules (001 §1: "Route Immediately … or based on a 24-hour clock"). */
    public static final String IMMEDIATELY = "IMMEDIATELY";
    public static final String WINDOW = "WINDOW";

    @EJB
    private RoutingService routing;

    @EJB
    private ApplicationEntityService applicationEntities;

    private List<RoutingRuleView> rules;
    private List<String> destinations;
    private List<String> sources;
    private RoutingRuleView edited = new RoutingRuleView();
    private String schedule = IMMEDIATELY;
    private boolean adding;

    public List<RoutingRuleView> getRules() {
        if (rules == null) {
            rules = routing.rules();
        }
        return rules;
    }

    /** AEs with a host and a port: the only ones a rule may name as destination. */
    public List<String> getDestinations() {
        if (destinations == null) {
            destinations = routing.destinations();
        }
        return destinations;
    }

    /** Every known AE title, for the source field's suggestions (empty means any AE). */
    public List<String> getSources() {
        if (sources == null) {
            sources = applicationEntities.list().stream().map(ApplicationEntityData::getTitle)
                    .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        }
        return sources;
    }

    /** The source field's suggestions: known AE titles starting with what was typed. */
    public List<String> completeSource(String typed) {
        return startingWith(getSources(), typed);
    }

    /** The destination field's suggestions; a title typed by hand is checked by the service on Save. */
    public List<String> completeDestination(String typed) {
        return startingWith(getDestinations(), typed);
    }

    private static List<String> startingWith(List<String> titles, String typed) {
        String t = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return titles.stream().filter(s -> s.toUpperCase(Locale.ROOT).startsWith(t)).toList();
    }

    public List<RoutingRuleKey> getKeyAttributes() {
        return List.of(RoutingRuleKey.values());
    }

    public void startAdd() {
        adding = true;
        edited = new RoutingRuleView();
        schedule = IMMEDIATELY;
        destinations = null;
        sources = null;
    }

    /** Edits a copy, so that a cancelled dialog leaves the table as it was. */
    public void startEdit(RoutingRuleView rule) {
        adding = false;
        edited = new RoutingRuleView();
        edited.setId(rule.getId());
        edited.setSourceAe(rule.getSourceAe());
        edited.setKeyAttribute(rule.getKeyAttribute());
        edited.setKeyPattern(rule.getKeyPattern());
        edited.setDestinationAe(rule.getDestinationAe());
        edited.setWindowStart(rule.getWindowStart());
        edited.setWindowEnd(rule.getWindowEnd());
        edited.setAutoPurge(rule.isAutoPurge());
        edited.setDescription(rule.getDescription());
        schedule = rule.isImmediate() ? IMMEDIATELY : WINDOW;
        destinations = null;
        sources = null;
    }

    public void save() {
        if (IMMEDIATELY.equals(schedule)) {
            edited.setWindowStart(null);
            edited.setWindowEnd(null);
        } else if (edited.isImmediate()) {
            error("Not saved", "Give the daily window's start and end (HH:mm, e.g. 19:00 to 07:00), or choose"
                    + " Immediately.");
            return;
        }
        if (edited.getKeyAttribute() == null || edited.getKeyAttribute() == RoutingRuleKey.NONE) {
            edited.setKeyPattern(null); // the field is disabled then: what it held before does not count
        }
        try {
            RoutingRuleView saved = adding ? routing.addRule(edited) : routing.updateRule(edited);
            info("Saved", "Routing " + saved + ".");
            rules = null;
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (InvalidRequestException e) {
            error("Not saved", e.getMessage());
        } catch (EJBAccessException e) {
            error("Not allowed", "Changing the routing table takes the Modify privilege.");
        }
    }

    public void delete(RoutingRuleView rule) {
        try {
            routing.deleteRule(rule.getId());
            info("Deleted", "Routing rule " + rule.getId() + " deleted; the tasks it made stay on the Tasks page.");
        } catch (InvalidRequestException e) {
            error("Not deleted", e.getMessage());
        } catch (EJBAccessException e) {
            error("Not allowed", "Changing the routing table takes the Modify privilege.");
        }
        rules = null;
    }

    /** Whether to show Add, Edit and Delete; the EJB checks again. */
    public boolean isMayModify() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole("MODIFY") || external.isUserInRole("ADMIN");
    }

    /** "any" for an empty source AE. */
    public String source(RoutingRuleView rule) {
        return rule.getSourceAe() == null || rule.getSourceAe().isBlank() ? "any" : rule.getSourceAe();
    }

    /** "Patient ID (0010,0020) = CT*", or "every image". */
    public String key(RoutingRuleView rule) {
        return rule.getKeyAttribute() == null || rule.getKeyAttribute() == RoutingRuleKey.NONE ? "every image"
                : rule.getKeyAttribute().label() + " matches " + rule.getKeyPattern();
    }

    private static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    private static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    }

    public RoutingRuleView getEdited() {
        return edited;
    }

    public boolean isAdding() {
        return adding;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public boolean isWindow() {
        return WINDOW.equals(schedule);
    }
}
