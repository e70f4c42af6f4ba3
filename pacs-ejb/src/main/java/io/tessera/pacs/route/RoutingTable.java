package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.domain.RoutingRule;
import io.tessera.pacs.domain.RoutingRuleKey;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The automatic routing table (001 §1, §3.3.5): its rows, validated changes, and the rules compiled for matching,
 * cached and reloaded on every change. No caller check here: the console goes through {@link RoutingService}, JMX
 * through {@link RoutingJmx}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingTable {
    private static final Logger LOG = Logger.getLogger(RoutingTable.class.getName());

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    @jakarta.annotation.Resource
    private jakarta.transaction.TransactionSynchronizationRegistry transactions;

    private volatile List<CompiledRule> compiled;

    /** A rule ready to match: the row's values, its pattern and its window. */
    public record CompiledRule(long id, String sourceAe, RoutingPattern pattern, String destinationAe, ScheduleWindow window,
                        boolean autoPurge) {

        /** 001 §3.3.5.1: the source AE title (any when none), then the key attribute's pattern. */
        public boolean matches(String source, String patientId, String referringPhysicianName) {
            if (sourceAe != null && (source == null || !sourceAe.equalsIgnoreCase(source.strip()))) {
                return false;
            }
            return switch (pattern.key()) {
                case NONE -> true;
                case PATIENT_ID -> pattern.matches(patientId);
                case REFERRING_PHYSICIAN_NAME -> pattern.matches(referringPhysicianName);
            };
        }

        /**
         * Whether the rule can match an instance from {@code source} with this Patient ID, before its row is read: the
         * Referring Physician's Name that counts is the study's in the index, so a rule on it may match.
         */
        public boolean mayMatch(String source, String patientId) {
            if (sourceAe != null && (source == null || !sourceAe.equalsIgnoreCase(source.strip()))) {
                return false;
            }
            return pattern.key() != RoutingRuleKey.PATIENT_ID || pattern.matches(patientId);
        }
    }

    public List<RoutingRuleView> list() {
        return em.createNamedQuery(RoutingRule.ALL, RoutingRule.class).getResultStream().map(RoutingRuleView::of).toList();
    }

    public Optional<RoutingRuleView> find(long id) {
        return Optional.ofNullable(em.find(RoutingRule.class, id)).map(RoutingRuleView::of);
    }

    /** Adds the rule (id null) or changes the one with its id. */
    public RoutingRuleView save(RoutingRuleView v, String by) {
        String source = v.getSourceAe() == null || v.getSourceAe().isBlank() || v.getSourceAe().strip().equals("*")
                ? null : v.getSourceAe().strip();
        if (source != null && (source.length() > 16 || source.contains("\\"))) {
            throw new InvalidRequestException("A source AE title is 1 to 16 characters without a backslash, or empty"
                    + " for any AE.");
        }
        RoutingRuleKey key = v.getKeyAttribute() == null ? RoutingRuleKey.NONE : v.getKeyAttribute();
        RoutingPattern.of(key, v.getKeyPattern());
        String destination = destination(v.getDestinationAe());
        ScheduleWindow window = ScheduleWindow.parse(v.getWindowStart(), v.getWindowEnd());
        if (v.getDescription() != null && v.getDescription().strip().length() > 255) {
            throw new InvalidRequestException("A description has at most 255 characters.");
        }
        RoutingRule r;
        if (v.getId() == null) {
            r = new RoutingRule();
        } else {
            r = em.find(RoutingRule.class, v.getId());
            if (r == null) {
                throw new InvalidRequestException("Routing rule " + v.getId() + " was deleted meanwhile.");
            }
            r.touch();
        }
        r.setSourceAe(source);
        r.setKeyAttribute(key);
        r.setKeyPattern(key == RoutingRuleKey.NONE ? null : v.getKeyPattern().strip());
        r.setDestinationAe(destination);
        r.setWindowStart(window == null ? null : window.start());
        r.setWindowEnd(window == null ? null : window.end());
        r.setAutoPurge(v.isAutoPurge());
        r.setDescription(v.getDescription() == null || v.getDescription().isBlank() ? null : v.getDescription().strip());
        boolean added = r.getId() == null;
        if (added) {
            em.persist(r);
        }
        em.flush();
        reloadAfterCommit();
        RoutingRuleView saved = RoutingRuleView.of(r);
        LOG.info(() -> by + (added ? " added" : " changed") + " routing " + saved);
        return saved;
    }

    public boolean delete(long id, String by) {
        RoutingRule r = em.find(RoutingRule.class, id);
        if (r == null) {
            return false;
        }
        RoutingRuleView gone = RoutingRuleView.of(r);
        em.remove(r);
        em.flush();
        reloadAfterCommit();
        LOG.info(() -> by + " deleted routing " + gone);
        return true;
    }

    /** The destination's title as the AE table spells it; refused unless it is there with a host and a port. */
    public String destination(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidRequestException("Choose a destination AE.");
        }
        ApplicationEntityData ae = applicationEntities.find(title.strip()).orElseThrow(() -> new InvalidRequestException(
                "Unknown destination AE '" + title.strip() + "': add it on the Application Entities page first."));
        if (!ae.isReachable()) {
            throw new InvalidRequestException("Destination AE " + ae.getTitle() + " has no host and port: give them on"
                    + " the Application Entities page first.");
        }
        return ae.getTitle();
    }

    /** Application entities we can send to, by title. */
    public List<String> destinations() {
        List<String> titles = new ArrayList<>();
        for (ApplicationEntityData ae : applicationEntities.list()) {
            if (ae.isReachable()) {
                titles.add(ae.getTitle());
            }
        }
        titles.sort(String.CASE_INSENSITIVE_ORDER);
        return titles;
    }

    /** Drops the cached rules now and again after the commit, so no reader caches the table as it was before it. */
    private void reloadAfterCommit() {
        compiled = null;
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                compiled = null;
            }
        });
    }

    /** The compiled rules, loaded again after a change. */
    public List<CompiledRule> compiled() {
        List<CompiledRule> c = compiled;
        if (c == null) {
            List<CompiledRule> loaded = new ArrayList<>();
            for (RoutingRule r : em.createNamedQuery(RoutingRule.ALL, RoutingRule.class).getResultList()) {
                loaded.add(new CompiledRule(r.getId(), r.getSourceAe() == null ? null : r.getSourceAe().toUpperCase(Locale.ROOT),
                        RoutingPattern.of(r.getKeyAttribute(), r.getKeyPattern()), r.getDestinationAe(),
                        r.getWindowStart() == null ? null : new ScheduleWindow(r.getWindowStart(), r.getWindowEnd()),
                        r.isAutoPurge()));
            }
            c = List.copyOf(loaded);
            compiled = c;
        }
        return c;
    }
}
