package io.tessera.pacs.route;

import io.tessera.pacs.domain.ForwardTaskState;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The Tasks page's filter; a null field does not filter. Dates are of the task's creation, in the server's time zone,
 * both inclusive.
 */
public class TaskFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private ForwardTaskState state;
    private String destinationAe;
    private LocalDate from;
    private LocalDate to;

    public TaskFilter() {
    }

    public TaskFilter(ForwardTaskState state, String destinationAe, LocalDate from, LocalDate to) {
        this.state = state;
        this.destinationAe = destinationAe;
        this.from = from;
        this.to = to;
    }

    public ForwardTaskState getState() {
        return state;
    }

    public void setState(ForwardTaskState state) {
        this.state = state;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public void setDestinationAe(String destinationAe) {
        this.destinationAe = destinationAe;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
