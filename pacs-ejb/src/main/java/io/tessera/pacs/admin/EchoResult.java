package io.tessera.pacs.admin;

import java.io.Serializable;

/** What a C-ECHO to a remote AE came to: success, or the exact error (rejection reason, status, network failure). */
public class EchoResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String title;
    private final boolean success;
    private final String message;
    private final long millis;

    public EchoResult(String title, boolean success, String message, long millis) {
        this.title = title;
        this.success = success;
        this.message = message;
        this.millis = millis;
    }

    public String getTitle() {
        return title;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getMessage() {
        return message;
    }

    public long getMillis() {
        return millis;
    }

    @Override
    public String toString() {
        return title + ": " + message;
    }
}
