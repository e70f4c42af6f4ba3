package io.tessera.pacs.retrieve;

/** A C-MOVE/C-GET refused before any sub-operation: the final status (001 Table 30) and its Error Comment. */
public class RetrieveFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public RetrieveFailure(int status, String errorComment) {
        super(errorComment);
        this.status = status;
    }

    public RetrieveFailure(int status, String errorComment, Throwable cause) {
        super(errorComment, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
