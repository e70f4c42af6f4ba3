package io.tessera.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User Identity Negotiation sub-item of the A-ASSOCIATE-RQ, PS3.7 §D.3.3.7.1: type 1 username, 2 username and
 * passcode, 3 Kerberos ticket, 4 SAML assertion, 5 JWT.
 */
public record UserIdentity(int identityType, boolean positiveResponseRequested, byte[] primaryField,
                           byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public UserIdentity {
        primaryField = primaryField.clone();
        secondaryField = secondaryField == null ? new byte[0] : secondaryField.clone();
    }

    public static UserIdentity username(String user, String passcode) {
        return new UserIdentity(passcode == null ? USERNAME : USERNAME_AND_PASSCODE, false,
                user.getBytes(StandardCharsets.UTF_8),
                passcode == null ? new byte[0] : passcode.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] primaryField() {
        return primaryField.clone();
    }

    @Override
    public byte[] secondaryField() {
        return secondaryField.clone();
    }

    /** The username, for types 1 and 2 (UTF-8 per PS3.7 §D.3.3.7.1). */
    public String username() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UserIdentity[type " + identityType + ", " + (identityType <= 2 ? username() : primaryField.length
                + " bytes") + "]";
    }
}
