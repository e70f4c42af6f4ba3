package io.tessera.pacs.store;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.admin.PlatformMBeans;
import io.tessera.pacs.domain.StorageFormat;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/** Registers {@link StorageMXBean} while the EAR is deployed. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StorageJmx implements StorageMXBean {
    static final String OBJECT_NAME = "io.tessera.pacs:service=Storage";

    @EJB
    private StorageSettings settings;

    @EJB
    private StorageStatistics statistics;

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
    public long getInstancesStored() {
        return statistics.getInstancesStored();
    }

    @Override
    public long getBytesStored() {
        return statistics.getBytesStored();
    }

    @Override
    public Map<String, Long> getFailuresByStatus() {
        return statistics.getFailuresByStatus();
    }

    @Override
    public String getDefaultArea() {
        return settings.getDefaultArea().toString();
    }

    @Override
    public void setDefaultArea(String absolutePath) {
        change(() -> settings.change(absolutePath, null, null, null, null, "JMX client"));
    }

    @Override
    public String getStorageFormat() {
        return settings.getFormat().name();
    }

    @Override
    public void setStorageFormat(String format) {
        change(() -> settings.change(null, parse(StorageFormat.class, format), null, null, null, "JMX client"));
    }

    @Override
    public String getDuplicatePolicy() {
        return settings.getDuplicates().name();
    }

    @Override
    public void setDuplicatePolicy(String policy) {
        change(() -> settings.change(null, null, parse(DuplicatePolicy.class, policy), null, null, "JMX client"));
    }

    @Override
    public String getPatientIdPolicy() {
        return settings.getPatientIdPolicy().name();
    }

    @Override
    public void setPatientIdPolicy(String policy) {
        change(() -> settings.change(null, null, null, parse(PatientIdPolicy.class, policy), null, "JMX client"));
    }

    @Override
    public String getPreferredTransferSyntax() {
        String ts = settings.getPreferredTransferSyntax();
        return ts == null ? "" : ts;
    }

    @Override
    public void setPreferredTransferSyntax(String uid) {
        change(() -> settings.change(null, null, null, null, uid == null ? "" : uid, "JMX client"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A remote JMX client sees the reason, as a JDK exception type it can load. */
    private static void change(Runnable change) {
        try {
            change.run();
        } catch (InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
