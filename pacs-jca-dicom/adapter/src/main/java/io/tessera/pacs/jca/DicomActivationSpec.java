package io.tessera.pacs.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the message-driven bean activates the DICOM listener: which services it serves, as a comma-separated list of
 * {@link DicomService} names in an {@code @ActivationConfigProperty(propertyName = "services")}. Only the contexts of
 * those services are accepted; any other proposed context is rejected on its own (001 §3.4.1.4).
 */
@Activation(messageListeners = DicomMessageListener.class)
public class DicomActivationSpec implements ActivationSpec {

    @ConfigProperty(defaultValue = "VERIFICATION", description = "Comma-separated DicomService names the endpoint serves")
    private String services = "VERIFICATION";

    private ResourceAdapter resourceAdapter;

    public String getServices() {
        return services;
    }

    public void setServices(String services) {
        this.services = services;
    }

    /** The services named by {@link #getServices()}. */
    public Set<DicomService> services() throws InvalidPropertyException {
        Set<DicomService> set = EnumSet.noneOf(DicomService.class);
        for (String name : services.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                set.add(DicomService.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidPropertyException("Unknown DICOM service '" + name.strip() + "' in services; known: "
                        + EnumSet.allOf(DicomService.class));
            }
        }
        return set;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        services();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }
}
