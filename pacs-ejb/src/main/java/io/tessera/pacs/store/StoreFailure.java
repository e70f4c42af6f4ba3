package io.tessera.pacs.store;

/** Why a C-STORE is refused: the status of 001 Table 22 and the Error Comment (0000,0902) sent with it. */
public class StoreFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** 001 Table 22. */
    public static final int CANNOT_CREATE_FILE = 0xA700;
    public static final int DATABASE_FAILURE = 0xA701;
    public static final int OUT_OF_MEMORY = 0xA702;
    public static final int PATIENT_ID_CONFLICT = 0xA703;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    private final int status;

    public StoreFailure(int status, String errorComment) {
        super(errorComment);
        this.status = status;
    }

    public StoreFailure(int status, String errorComment, Throwable cause) {
        super(errorComment, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The Error Comment: LO, at most 64 characters (PS3.7 C.4.2.1.6). */
    public String errorComment() {
        String m = getMessage() == null ? "" : getMessage();
        return m.length() <= 64 ? m : m.substring(0, 61) + "...";
    }
}
