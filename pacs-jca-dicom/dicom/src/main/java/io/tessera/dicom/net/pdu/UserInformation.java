package io.tessera.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * The User Information item (50H) of A-ASSOCIATE-RQ/AC, PS3.8 §9.3.2.3 and PS3.7 Annex D.3.3: maximum length
 * received, implementation class UID and version name, asynchronous operations window, role selections,
 * extended negotiation, user identity. Mutable while an association is being set up.
 */
public final class UserInformation {
    /** Maximum length of the P-DATA-TF variable field we can receive; 0 = no limit (PS3.8 §D.1). */
    private long maxLength;
    private String implementationClassUid;
    private String implementationVersionName;
    private int maxOpsInvoked = -1;
    private int maxOpsPerformed = -1;
    private final List<RoleSelection> roleSelections = new ArrayList<>();
    private final List<ExtendedNegotiation> extendedNegotiations = new ArrayList<>();
    private final List<CommonExtendedNegotiation> commonExtendedNegotiations = new ArrayList<>();
    private UserIdentity userIdentity;
    private byte[] userIdentityServerResponse;

    public long maxLength() {
        return maxLength;
    }

    public UserInformation maxLength(long maxLength) {
        if (maxLength < 0 || maxLength > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("maximum length " + maxLength + " out of 0..2^32-1");
        }
        this.maxLength = maxLength;
        return this;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public UserInformation implementationClassUid(String uid) {
        this.implementationClassUid = uid;
        return this;
    }

    public String implementationVersionName() {
        return implementationVersionName;
    }

    public UserInformation implementationVersionName(String name) {
        if (name != null && name.length() > 16) {
            throw new IllegalArgumentException("implementation version name longer than 16 characters: " + name);
        }
        this.implementationVersionName = name;
        return this;
    }

    /** True when an Asynchronous Operations Window sub-item (53H) is present. */
    public boolean hasAsyncOpsWindow() {
        return maxOpsInvoked >= 0;
    }

    public int maxOpsInvoked() {
        return maxOpsInvoked;
    }

    public int maxOpsPerformed() {
        return maxOpsPerformed;
    }

    public UserInformation asyncOpsWindow(int invoked, int performed) {
        this.maxOpsInvoked = invoked;
        this.maxOpsPerformed = performed;
        return this;
    }

    public List<RoleSelection> roleSelections() {
        return roleSelections;
    }

    public RoleSelection roleSelection(String sopClass) {
        for (RoleSelection r : roleSelections) {
            if (r.sopClass().equals(sopClass)) {
                return r;
            }
        }
        return null;
    }

    public List<ExtendedNegotiation> extendedNegotiations() {
        return extendedNegotiations;
    }

    public ExtendedNegotiation extendedNegotiation(String sopClass) {
        for (ExtendedNegotiation e : extendedNegotiations) {
            if (e.sopClass().equals(sopClass)) {
                return e;
            }
        }
        return null;
    }

    public List<CommonExtendedNegotiation> commonExtendedNegotiations() {
        return commonExtendedNegotiations;
    }

    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public UserInformation userIdentity(UserIdentity identity) {
        this.userIdentity = identity;
        return this;
    }

    /** The server response of a User Identity AC sub-item (59H), or null. */
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse == null ? null : userIdentityServerResponse.clone();
    }

    public UserInformation userIdentityServerResponse(byte[] response) {
        this.userIdentityServerResponse = response == null ? null : response.clone();
        return this;
    }

    @Override
    public String toString() {
        return "UserInformation[maxLength " + maxLength + ", implementation " + implementationClassUid + " "
                + implementationVersionName + (hasAsyncOpsWindow() ? ", async " + maxOpsInvoked + "/" + maxOpsPerformed : "")
                + (roleSelections.isEmpty() ? "" : ", roles " + roleSelections)
                + (extendedNegotiations.isEmpty() ? "" : ", " + extendedNegotiations.size() + " extended negotiation(s)")
                + (userIdentity == null ? "" : ", " + userIdentity) + "]";
    }
}
