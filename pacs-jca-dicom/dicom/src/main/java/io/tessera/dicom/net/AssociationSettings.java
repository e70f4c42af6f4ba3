package io.tessera.dicom.net;

/**
 * Upper-layer settings of one listener or connector: PDU limits and timeouts (PS3.8 §9.1.5, §D.1).
 * Mutable while being configured, then shared read-only by the associations that use it.
 */
public final class AssociationSettings {

    /** 001 §3.2.1: "The maximum PDU size which can be received ... is up to 32 Kbytes." */
    public static final int DEFAULT_MAX_PDU_RECEIVE = 32768;
    /** 001 §3.2.1: "The maximum PDU size which can be transmitted ... is fixed at 32 Kbytes." */
    public static final int DEFAULT_MAX_PDU_SEND = 32768;

    private int maxPduReceive = DEFAULT_MAX_PDU_RECEIVE;
    private int maxPduSend = DEFAULT_MAX_PDU_SEND;
    private int maxAssociatePduLength = 1 << 20;
    private int connectTimeoutMillis = 10_000;
    private int artimTimeoutMillis = 10_000;
    private int dimseTimeoutMillis = 60_000;
    private int idleTimeoutMillis = 300_000;
    private int socketBufferSize;
    private String implementationClassUid = io.tessera.dicom.Implementation.CLASS_UID;
    private String implementationVersionName = io.tessera.dicom.Implementation.VERSION_NAME;

    /** The Maximum Length Received we announce (PS3.8 §D.1); a larger P-DATA-TF from the peer aborts. 0 = no limit. */
    public int maxPduReceive() {
        return maxPduReceive;
    }

    public AssociationSettings maxPduReceive(int bytes) {
        if (bytes != 0 && bytes < 1024) {
            throw new IllegalArgumentException("maximum PDU length " + bytes + " below 1024 (0 means no limit)");
        }
        this.maxPduReceive = bytes;
        return this;
    }

    /** Our own cap on P-DATA-TF PDUs we send; the peer's announced limit applies on top. 0 = only the peer's. */
    public int maxPduSend() {
        return maxPduSend;
    }

    public AssociationSettings maxPduSend(int bytes) {
        if (bytes != 0 && bytes < 1024) {
            throw new IllegalArgumentException("maximum PDU length " + bytes + " below 1024 (0 means no cap)");
        }
        this.maxPduSend = bytes;
        return this;
    }

    /** Largest A-ASSOCIATE-RQ/AC we decode; not negotiated, it bounds memory per connection. */
    public int maxAssociatePduLength() {
        return maxAssociatePduLength;
    }

    public AssociationSettings maxAssociatePduLength(int bytes) {
        this.maxAssociatePduLength = bytes;
        return this;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public AssociationSettings connectTimeoutMillis(int ms) {
        this.connectTimeoutMillis = ms;
        return this;
    }

    /**
     * The ARTIM timer, PS3.8 §9.1.5: how long an accepted connection may take to deliver its A-ASSOCIATE-RQ, how
     * long we wait for an A-ASSOCIATE-AC/RJ and for an A-RELEASE-RP, and how long we wait for the peer to close
     * after a reject or abort.
     */
    public int artimTimeoutMillis() {
        return artimTimeoutMillis;
    }

    public AssociationSettings artimTimeoutMillis(int ms) {
        this.artimTimeoutMillis = ms;
        return this;
    }

    /** How long an SCU waits for each (pending or final) DIMSE response. */
    public int dimseTimeoutMillis() {
        return dimseTimeoutMillis;
    }

    public AssociationSettings dimseTimeoutMillis(int ms) {
        this.dimseTimeoutMillis = ms;
        return this;
    }

    /** An established association that receives nothing for this long is aborted. 0 = never. */
    public int idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    public AssociationSettings idleTimeoutMillis(int ms) {
        this.idleTimeoutMillis = ms;
        return this;
    }

    /** SO_SNDBUF and SO_RCVBUF; 0 leaves the operating system's default. */
    public int socketBufferSize() {
        return socketBufferSize;
    }

    public AssociationSettings socketBufferSize(int bytes) {
        this.socketBufferSize = bytes;
        return this;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public AssociationSettings implementationClassUid(String uid) {
        this.implementationClassUid = uid;
        return this;
    }

    public String implementationVersionName() {
        return implementationVersionName;
    }

    public AssociationSettings implementationVersionName(String name) {
        this.implementationVersionName = name;
        return this;
    }
}
