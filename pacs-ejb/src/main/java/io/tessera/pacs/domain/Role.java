package io.tessera.pacs.domain;

/**
 * What a console user may do. The first five are the seed's privileges (001 §1: Forward, Modify, Print,
 * Update/Delete, plus View); ADMIN manages users and settings. The names are the security role names that
 * the Elytron realm hands to web.xml and {@code @RolesAllowed}.
 */
public enum Role {
    VIEW("View patients, studies and images"),
    FORWARD("Forward studies to other application entities"),
    MODIFY("Modify routing, application entities and study data"),
    PRINT("Print to DICOM printers"),
    UPDATE("Update and delete studies"),
    ADMIN("Manage users and settings");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
