package io.tessera.pacs.store;

import io.tessera.pacs.domain.StorageFormat;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Map;
import org.jboss.ejb3.annotation.SecurityDomain;

/** The console's Storage page: every user sees the settings and counters; changing them takes ADMIN. */
@Stateless
@SecurityDomain("tessera")
public class StorageService {

    @EJB
    private StorageSettings settings;

    @EJB
    private StorageStatistics statistics;

    @Resource
    private SessionContext session;

    @RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
    public StorageSettingsView settings() {
        StorageSettingsView v = new StorageSettingsView();
        v.setDefaultArea(settings.getDefaultArea().toString());
        v.setFormat(settings.getFormat());
        v.setDuplicates(settings.getDuplicates());
        v.setPatientIdPolicy(settings.getPatientIdPolicy());
        v.setPreferredTransferSyntax(settings.getPreferredTransferSyntax() == null ? "" : settings.getPreferredTransferSyntax());
        v.setInstancesStored(statistics.getInstancesStored());
        v.setBytesStored(statistics.getBytesStored());
        v.setFailures(statistics.getFailuresByStatus());
        return v;
    }

    @RolesAllowed("ADMIN")
    public void change(StorageSettingsView v) {
        settings.change(v.getDefaultArea(), v.getFormat(), v.getDuplicates(), v.getPatientIdPolicy(),
                v.getPreferredTransferSyntax() == null ? "" : v.getPreferredTransferSyntax(),
                "console user " + session.getCallerPrincipal().getName());
    }

    /** The settings and counters as the page binds them. */
    public static class StorageSettingsView implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private String defaultArea;
        private StorageFormat format;
        private DuplicatePolicy duplicates;
        private PatientIdPolicy patientIdPolicy;
        private String preferredTransferSyntax;
        private long instancesStored;
        private long bytesStored;
        private Map<String, Long> failures;

        public String getDefaultArea() {
            return defaultArea;
        }

        public void setDefaultArea(String defaultArea) {
            this.defaultArea = defaultArea;
        }

        public StorageFormat getFormat() {
            return format;
        }

        public void setFormat(StorageFormat format) {
            this.format = format;
        }

        public DuplicatePolicy getDuplicates() {
            return duplicates;
        }

        public void setDuplicates(DuplicatePolicy duplicates) {
            this.duplicates = duplicates;
        }

        public PatientIdPolicy getPatientIdPolicy() {
            return patientIdPolicy;
        }

        public void setPatientIdPolicy(PatientIdPolicy patientIdPolicy) {
            this.patientIdPolicy = patientIdPolicy;
        }

        public String getPreferredTransferSyntax() {
            return preferredTransferSyntax;
        }

        public void setPreferredTransferSyntax(String preferredTransferSyntax) {
            this.preferredTransferSyntax = preferredTransferSyntax;
        }

        public long getInstancesStored() {
            return instancesStored;
        }

        public void setInstancesStored(long instancesStored) {
            this.instancesStored = instancesStored;
        }

        public long getBytesStored() {
            return bytesStored;
        }

        public void setBytesStored(long bytesStored) {
            this.bytesStored = bytesStored;
        }

        public Map<String, Long> getFailures() {
            return failures;
        }

        public void setFailures(Map<String, Long> failures) {
            this.failures = failures;
        }
    }
}
