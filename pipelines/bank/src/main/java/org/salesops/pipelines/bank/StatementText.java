package org.salesops.pipelines.bank;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Decodes a statement file that does not declare its encoding: strict UTF-8 first (a leading
 * byte-order mark is dropped), else the fallback the format's banks use. Strict decoding never
 * replaces bytes, so a file in the wrong encoding is noticed instead of turned into U+FFFD.
 */
final class StatementText {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatementText() {
    }

    static String decode(byte[] bytes, Charset fallback, Where where) throws RejectedInput {
        int start = contentStart(bytes);
        try {
            return strict(StandardCharsets.UTF_8, bytes, start);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(fallback, bytes, 0);
            } catch (CharacterCodingException e) {
                throw where.reject("the file is neither UTF-8 nor " + fallback.name(), e);
            }
        }
    }

    /** Where the text starts: after a UTF-8 byte-order mark, if there is one. */
    static int contentStart(byte[] bytes) {
        return startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String strict(Charset charset, byte[] bytes, int start) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }
}
