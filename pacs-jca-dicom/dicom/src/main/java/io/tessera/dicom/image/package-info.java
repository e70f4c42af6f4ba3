/**
 * Pixel data to pictures: decoding of native, RLE Lossless and JPEG pixel data (PS3.5 §8, Annex G; ITU-T T.81)
 * into stored values, and rendering through the grayscale pipeline (Modality LUT, VOI LUT / window, MONOCHROME1
 * inversion; PS3.3 C.11, PS3.4 N.2.1) or the colour models (RGB, YBR_FULL, YBR_FULL_422, PALETTE COLOR) into a
 * {@link java.awt.image.BufferedImage}, written as PNG or JPEG.
 *
 * <p>Entry point: {@link io.tessera.dicom.image.DicomImage#read(java.nio.file.Path, int)} (frame numbers 1-based),
 * then {@link io.tessera.dicom.image.DicomImage#writePng} or {@link io.tessera.dicom.image.DicomImage#render} with a
 * {@link io.tessera.dicom.image.VoiSelection}: an explicit window, the file's preset n, a VOI LUT, min-max, or auto.
 * JPEG-LS, JPEG 2000 and the video syntaxes have no decoder here and raise
 * {@link io.tessera.dicom.image.UnsupportedTransferSyntaxException} naming the UID.
 */
package io.tessera.dicom.image;
