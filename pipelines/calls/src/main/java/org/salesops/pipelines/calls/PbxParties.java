package org.salesops.pipelines.calls;

/**
 * Who is the rep and who is the customer on a PBX call, decided from the caller (Asterisk {@code src}),
 * the number dialled ({@code dst}) and the extension whose phone took the call (from the B channel):
 * <ul>
 *   <li>caller and dialled are both extensions: {@code internal}, the caller is the rep;</li>
 *   <li>only the caller is an extension: {@code outbound}, the dialled number is the customer;</li>
 *   <li>the caller is not an extension: {@code inbound}, the caller is the customer. The rep is the
 *       extension that took the call, else the dialled extension; when the dialled number is not an
 *       extension it is the company number the customer dialled (a DID), kept as the rep's number.</li>
 * </ul>
 * Dialled numbers may carry the PBX's outside-line digit ({@code 9} then {@code 13800138000}): it is
 * removed only when the number as dialled is not a valid number and the rest is. A {@code 0} outside-line
 * prefix cannot be told apart from China's trunk {@code 0} or the international {@code 00}, so it is
 * not supported.
 */
record PbxParties(
        Direction direction,
        String repExtension,
        String repNumber,
        String remoteNumberRaw,
        String remoteNumber) {

    /** The outside-line digit of most PBX dial plans in China. */
    static final String DEFAULT_OUTSIDE_LINE_PREFIX = "9";

    static PbxParties of(String caller, String dialled, String answeringExtension, String outsideLinePrefix) {
        if (PhoneNumbers.isExtension(caller)) {
            if (PhoneNumbers.isExtension(dialled)) {
                return new PbxParties(Direction.INTERNAL, caller, null, dialled, null);
            }
            return new PbxParties(Direction.OUTBOUND, caller, null, dialled, dialledNumber(dialled, outsideLinePrefix));
        }
        boolean dialledExtension = PhoneNumbers.isExtension(dialled);
        String rep = answeringExtension != null ? answeringExtension : dialledExtension ? dialled : null;
        String did = dialledExtension ? null : PhoneNumbers.toE164(dialled);
        return new PbxParties(Direction.INBOUND, rep, did, caller, PhoneNumbers.toE164(caller));
    }

    private static String dialledNumber(String dialled, String outsideLinePrefix) {
        String asDialled = PhoneNumbers.toE164(dialled);
        String digits = dialled.strip();
        if (asDialled != null || outsideLinePrefix.isEmpty() || !digits.startsWith(outsideLinePrefix)) {
            return asDialled;
        }
        return PhoneNumbers.toE164(digits.substring(outsideLinePrefix.length()));
    }
}
