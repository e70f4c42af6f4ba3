package io.tessera.dicom.net.pdu;

/**
 * SCP/SCU Role Selection sub-item, PS3.7 §D.3.3.4: for one SOP class, whether the requestor may be SCU and SCP
 * (in the A-ASSOCIATE-RQ: proposed; in the AC: what the acceptor allows).
 */
public record RoleSelection(String sopClass, boolean scu, boolean scp) {
}
