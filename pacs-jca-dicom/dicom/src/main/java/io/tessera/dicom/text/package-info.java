/**
 * Text in DICOM values: the character repertoires of Specific Character Set (0008,0005) with ISO 2022 code
 * extensions ({@link io.tessera.dicom.text.SpecificCharacterSet}, PS3.3 C.12.1.1.2, PS3.5 §6.1), person names
 * ({@link io.tessera.dicom.text.PersonName}, PS3.5 §6.2.1), DA/TM/DT values and their normalized string forms
 * ({@link io.tessera.dicom.text.DateTimes}, PS3.5 §6.2), and C-FIND attribute matching with its SQL translation
 * ({@link io.tessera.dicom.text.MatchKey}, PS3.4 C.2.2.2).
 *
 * <p>Callers that split multi-valued text should decode the whole value first and split the decoded string
 * at "\": in GBK, GB18030 and JIS X 0208/0212 (ISO 2022 IR 87/159) a 0x5C byte can be half of a character,
 * and the decoder only treats 0x5C as a delimiter where it is one.
 */
package io.tessera.dicom.text;
