/**
 * The seven PDUs of PS3.8 §9.3 with their items and sub-items (PS3.7 Annex D), a strict decoder whose errors carry
 * the A-ABORT reason of PS3.8 Table 9-26, and an encoder.
 */
package io.tessera.dicom.net.pdu;
