package io.tessera.pacs.route;

import java.util.List;
import java.util.Map;

/**
 * {@code io.tessera.pacs:service=Routing}: the automatic routing table (as the console's Routing page), the forward
 * tasks per state and per destination, retry and cancel, the retry and parallelism settings, and — only in a server
 * started with {@code -Dtessera.test.clock=true} — the routing clock's offset for tests.
 */
public interface RoutingMXBean {

    List<RoutingRuleView> getRules();

    /**
     * Adds a rule. sourceAe empty: any; keyAttribute NONE, PATIENT_ID or REFERRING_PHYSICIAN_NAME; windowStart and
     * windowEnd "HH:mm", both empty for immediately. Refused (IllegalArgumentException with the reason) for an
     * unknown destination AE, a malformed pattern or window.
     */
    RoutingRuleView addRule(String sourceAe, String keyAttribute, String keyPattern, String destinationAe,
                            String windowStart, String windowEnd, boolean autoPurge, String description);

    RoutingRuleView updateRule(long id, String sourceAe, String keyAttribute, String keyPattern, String destinationAe,
                               String windowStart, String windowEnd, boolean autoPurge, String description);

    boolean deleteRule(long id);

    /**
     * User forwarding for HIS/RIS automation (001 §3.3.4, as the console's Forward): every instance of the patients
     * (level PATIENT, Patient IDs), studies (STUDY, Study Instance UIDs) or series (SERIES, Series Instance UIDs) —
     * keys separated by commas or backslashes — to the destination AE. Returns what was queued.
     */
    String forward(String level, String keys, String destinationAe);

    /** Tasks per state (SCHEDULED, PENDING, IN_PROGRESS, COMPLETED, FAILED, CANCELLED). */
    Map<String, Long> getTaskCounts();

    /** Tasks still to deliver (scheduled, pending, in progress) per destination AE. */
    Map<String, Long> getQueueDepths();

    /** Wake-up messages waiting on the JMS queue TesseraForward (-1 when the messaging subsystem does not say). */
    long getForwardQueueMessages();

    /** The associations sending now: "DEST study-uid sent/total (failed)". */
    List<String> getRunning();

    /** Tasks, newest first, one line each; state and destination empty for all. */
    List<String> tasks(String state, String destinationAe, int max);

    /** One task's line and its failed attempts, oldest first. */
    List<String> history(long taskId);

    void retry(long taskId);

    void cancel(long taskId);

    /** Retries the FAILED and CANCELLED tasks (of one destination, or all when empty). */
    int retryAll(String destinationAe);

    /** Cancels every open or failed task (of one destination, or all when empty). */
    int cancelAll(String destinationAe);

    int getMaxAttempts();

    void setMaxAttempts(int attempts);

    int getBaseDelaySeconds();

    void setBaseDelaySeconds(int seconds);

    int getMaxDelaySeconds();

    void setMaxDelaySeconds(int seconds);

    /** Associations at once per destination. */
    int getParallelism();

    void setParallelism(int associations);

    /** The routing clock's time of day (server time zone), e.g. "19:05:12". */
    String getClockTime();

    long getClockOffsetSeconds();

    /** Tests only: refused unless the server runs with -Dtessera.test.clock=true. */
    void setClockOffsetSeconds(long seconds);
}
