package io.tessera.pacs.remote;

import java.io.Serializable;
import java.util.List;

/** The answer of a remote C-FIND: the matches, or an error message an administrator can act on (never a trace). */
public class RemoteQueryResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<RemoteStudy> studies;
    private final List<RemotePatient> patients;
    private final String error;
    private final long millis;

    RemoteQueryResult(List<RemoteStudy> studies, List<RemotePatient> patients, String error, long millis) {
        this.studies = studies == null ? List.of() : studies;
        this.patients = patients == null ? List.of() : patients;
        this.error = error;
        this.millis = millis;
    }

    public List<RemoteStudy> getStudies() {
        return studies;
    }

    public List<RemotePatient> getPatients() {
        return patients;
    }

    public String getError() {
        return error;
    }

    public boolean isSuccess() {
        return error == null;
    }

    public long getMillis() {
        return millis;
    }
}
