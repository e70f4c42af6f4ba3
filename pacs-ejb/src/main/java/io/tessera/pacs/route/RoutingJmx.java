package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.PlatformMBeans;
import io.tessera.pacs.domain.ForwardTaskState;
import io.tessera.pacs.domain.RoutingRuleKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;

/** Registers {@link RoutingMXBean} while the EAR is deployed; what JMX clients do is logged as "JMX client". */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingJmx implements RoutingMXBean {
    static final String OBJECT_NAME = "io.tessera.pacs:service=Routing";
    private static final String BY = "JMX client";

    @EJB
    private RoutingTable table;

    @EJB
    private ForwardTasks tasks;

    @EJB
    private ForwardProgress progress;

    @EJB
    private RoutingSettings settings;

    @EJB
    private RoutingClock clock;

    private ObjectName name;

    @PostConstruct
    void register() {
        name = PlatformMBeans.register(this, OBJECT_NAME);
    }

    @PreDestroy
    void unregister() {
        PlatformMBeans.unregister(name);
    }

    @Override
    public List<RoutingRuleView> getRules() {
        return table.list();
    }

    @Override
    public RoutingRuleView addRule(String sourceAe, String keyAttribute, String keyPattern, String destinationAe,
                                   String windowStart, String windowEnd, boolean autoPurge, String description) {
        return call(() -> table.save(view(null, sourceAe, keyAttribute, keyPattern, destinationAe, windowStart, windowEnd,
                autoPurge, description), BY));
    }

    @Override
    public RoutingRuleView updateRule(long id, String sourceAe, String keyAttribute, String keyPattern,
                                      String destinationAe, String windowStart, String windowEnd, boolean autoPurge,
                                      String description) {
        return call(() -> table.save(view(id, sourceAe, keyAttribute, keyPattern, destinationAe, windowStart, windowEnd,
                autoPurge, description), BY));
    }

    private static RoutingRuleView view(Long id, String sourceAe, String keyAttribute, String keyPattern,
                                        String destinationAe, String windowStart, String windowEnd, boolean autoPurge,
                                        String description) {
        RoutingRuleView v = new RoutingRuleView();
        v.setId(id);
        v.setSourceAe(sourceAe);
        v.setKeyAttribute(key(keyAttribute));
        v.setKeyPattern(keyPattern);
        v.setDestinationAe(destinationAe);
        v.setWindowStart(windowStart);
        v.setWindowEnd(windowEnd);
        v.setAutoPurge(autoPurge);
        v.setDescription(description);
        return v;
    }

    private static RoutingRuleKey key(String name) {
        if (name == null || name.isBlank()) {
            return RoutingRuleKey.NONE;
        }
        try {
            return RoutingRuleKey.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key attribute '" + name + "' is not one of NONE, PATIENT_ID,"
                    + " REFERRING_PHYSICIAN_NAME.");
        }
    }

    @Override
    public boolean deleteRule(long id) {
        return call(() -> table.delete(id, BY));
    }

    @Override
    public String forward(String level, String keys, String destinationAe) {
        ForwardSelection.Level l;
        try {
            l = ForwardSelection.Level.valueOf(level == null ? "" : level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Level '" + level + "' is not one of PATIENT, STUDY, SERIES.");
        }
        List<String> list = keys == null ? List.of() : java.util.Arrays.stream(keys.split("[,\\\\]"))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        return call(() -> tasks.forward(new ForwardSelection(l, list), destinationAe, BY).getMessage());
    }

    @Override
    public Map<String, Long> getTaskCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        tasks.countsByState().forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }

    @Override
    public Map<String, Long> getQueueDepths() {
        return tasks.openByDestination();
    }

    @Override
    public long getForwardQueueMessages() {
        try {
            Object n = ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(
                    "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + ForwardQueue.DESTINATION_NAME),
                    "messageCount");
            return n instanceof Number c ? c.longValue() : -1;
        } catch (Exception | LinkageError e) {
            return -1;
        }
    }

    @Override
    public List<String> getRunning() {
        List<String> lines = new ArrayList<>();
        for (TaskProgress p : progress.running()) {
            lines.add(p.getDestinationAe() + " " + p.getStudyInstanceUid() + " " + p.getSent() + "/" + p.getTotal()
                    + " (" + p.getFailed() + " failed)");
        }
        return lines;
    }

    @Override
    public List<String> tasks(String state, String destinationAe, int max) {
        TaskFilter f = new TaskFilter(state == null || state.isBlank() ? null : state(state),
                destinationAe == null || destinationAe.isBlank() ? null : destinationAe, null, null);
        return tasks.find(f, 0, max).stream().map(ForwardTaskView::toString).toList();
    }

    private static ForwardTaskState state(String name) {
        try {
            return ForwardTaskState.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("State '" + name + "' is not one of "
                    + java.util.Arrays.toString(ForwardTaskState.values()));
        }
    }

    @Override
    public List<String> history(long taskId) {
        ForwardTaskView t = tasks.view(taskId);
        if (t == null) {
            throw new IllegalArgumentException("There is no forward task " + taskId + ".");
        }
        List<String> lines = new ArrayList<>();
        lines.add(t.toString());
        tasks.history(taskId).forEach(a -> lines.add(a.toString()));
        return lines;
    }

    @Override
    public void retry(long taskId) {
        call(() -> {
            tasks.retry(taskId, BY);
            return null;
        });
    }

    @Override
    public void cancel(long taskId) {
        call(() -> {
            tasks.cancel(taskId, BY);
            return null;
        });
    }

    @Override
    public int retryAll(String destinationAe) {
        return call(() -> tasks.retryAll(new TaskFilter(null, destinationAe, null, null), BY));
    }

    @Override
    public int cancelAll(String destinationAe) {
        return call(() -> tasks.cancelAll(new TaskFilter(null, destinationAe, null, null), BY));
    }

    @Override
    public int getMaxAttempts() {
        return settings.getMaxAttempts();
    }

    @Override
    public void setMaxAttempts(int attempts) {
        call(() -> {
            settings.change(attempts, null, null, null, BY);
            return null;
        });
    }

    @Override
    public int getBaseDelaySeconds() {
        return settings.getBaseDelaySeconds();
    }

    @Override
    public void setBaseDelaySeconds(int seconds) {
        call(() -> {
            settings.change(null, seconds, null, null, BY);
            return null;
        });
    }

    @Override
    public int getMaxDelaySeconds() {
        return settings.getMaxDelaySeconds();
    }

    @Override
    public void setMaxDelaySeconds(int seconds) {
        call(() -> {
            settings.change(null, null, seconds, null, BY);
            return null;
        });
    }

    @Override
    public int getParallelism() {
        return settings.getParallelism();
    }

    @Override
    public void setParallelism(int associations) {
        call(() -> {
            settings.change(null, null, null, associations, BY);
            return null;
        });
    }

    @Override
    public String getClockTime() {
        return clock.timeOfDay().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    @Override
    public long getClockOffsetSeconds() {
        return clock.offset().toSeconds();
    }

    @Override
    public void setClockOffsetSeconds(long seconds) {
        call(() -> {
            clock.setOffset(Duration.ofSeconds(seconds));
            return null;
        });
    }

    /** A remote JMX client has only the JDK's classes: it gets the message as an IllegalArgumentException. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (EJBException e) {
            Throwable cause = e.getCause() instanceof InvalidRequestException ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage());
        }
    }
}
