package io.tessera.pacs.route;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net beside JMS: at start-up, tasks that were IN_PROGRESS when the server stopped are PENDING again and
 * auto purge finishes what a crash interrupted; every two seconds, SCHEDULED tasks whose window opened become
 * PENDING and every destination with due tasks and a free association slot is woken — which also covers wake-ups
 * lost in a crash and retries whose backoff ended.
 */
@Singleton
@Startup
@DependsOn("RoutingSettings")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ForwardDispatcher {
    private static final Logger LOG = Logger.getLogger(ForwardDispatcher.class.getName());

    @EJB
    private ForwardTasks tasks;

    @EJB
    private ForwardQueue queue;

    @EJB
    private ForwardProgress progress;

    @EJB
    private RoutingSettings settings;

    @EJB
    private AutoPurge autoPurge;

    private volatile int ticks;

    @PostConstruct
    void resume() {
        int resumed = tasks.resumeInterrupted();
        if (resumed > 0) {
            LOG.warning(() -> resumed + " forward task(s) were in progress when the server stopped: pending again"
                    + " (an instance may reach its destination twice)");
        }
        autoPurge.finishJournal(true);
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    public void tick() {
        try {
            int opened = tasks.openWindows();
            if (opened > 0) {
                LOG.info(() -> opened + " scheduled forward task(s): window open, pending now");
            }
            for (String destination : tasks.dueDestinations()) {
                if (!progress.busy(destination) || settings.getParallelism() > 1) {
                    queue.wake(destination);
                }
            }
            if (++ticks % 30 == 0) {
                autoPurge.finishJournal(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forward dispatcher tick failed; the next one retries", e);
        }
    }
}
