package io.tessera.dicom.net.pdu;

/**
 * What A-ASSOCIATE-RQ and -AC share, PS3.8 §9.3.2/§9.3.3: protocol version, called and calling AE titles
 * (in the AC returned as received, not tested), application context name and user information.
 */
public abstract sealed class AAssociate permits AAssociateRq, AAssociateAc {

    /** PS3.7 Annex A.2.1: the only application context name DICOM defines. */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    private int protocolVersion = 1;
    private String calledAeTitle = "ANY-SCP";
    private String callingAeTitle = "ANY-SCU";
    private String applicationContext = DICOM_APPLICATION_CONTEXT;
    private UserInformation userInformation = new UserInformation();

    /** Protocol-version bit field (bit 0 = version 1), PS3.8 §9.3.2. */
    public int protocolVersion() {
        return protocolVersion;
    }

    public void protocolVersion(int v) {
        this.protocolVersion = v;
    }

    public String calledAeTitle() {
        return calledAeTitle;
    }

    public void calledAeTitle(String ae) {
        this.calledAeTitle = checkAe(ae);
    }

    public String callingAeTitle() {
        return callingAeTitle;
    }

    public void callingAeTitle(String ae) {
        this.callingAeTitle = checkAe(ae);
    }

    public String applicationContext() {
        return applicationContext;
    }

    public void applicationContext(String uid) {
        this.applicationContext = uid;
    }

    public UserInformation userInformation() {
        return userInformation;
    }

    public void userInformation(UserInformation ui) {
        this.userInformation = ui;
    }

    /** PS3.5 Table 6.2-1 AE: 1..16 characters, leading and trailing spaces not significant. */
    static String checkAe(String ae) {
        String t = ae == null ? "" : ae.strip();
        if (t.isEmpty() || t.length() > 16) {
            throw new IllegalArgumentException("AE title must have 1 to 16 characters: '" + ae + "'");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                throw new IllegalArgumentException("AE title has a character not allowed by PS3.5: '" + ae + "'");
            }
        }
        return t;
    }
}
