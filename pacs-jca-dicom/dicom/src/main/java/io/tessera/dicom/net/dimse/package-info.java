/**
 * DIMSE (PS3.7): command sets in Implicit VR Little Endian ({@link io.tessera.dicom.net.dimse.Commands}), command
 * fields ({@link io.tessera.dicom.net.dimse.Dimse}), status codes and their classes
 * ({@link io.tessera.dicom.net.dimse.Status}), the per-association service provider that streams data sets and
 * delivers C-CANCEL ({@link io.tessera.dicom.net.dimse.DimseProvider}), the SCP handler contract
 * ({@link io.tessera.dicom.net.dimse.DimseRequestHandler}, {@link io.tessera.dicom.net.dimse.Responder}), routing
 * with the built-in Verification SCP ({@link io.tessera.dicom.net.dimse.DimseServiceRegistry}) and the SCU
 * ({@link io.tessera.dicom.net.dimse.Scu}).
 */
package io.tessera.dicom.net.dimse;
