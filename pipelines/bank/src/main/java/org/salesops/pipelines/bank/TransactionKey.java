package org.salesops.pipelines.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The dedup key of a camt transaction. It depends only on the document's content, so a
 * re-delivered document yields the same keys, and it uses the bank's own references first, so
 * the camt.054 notification and the camt.053 statement of one booking usually share a key:
 * <ol>
 *   <li>the transaction's own {@code TxDtls/Refs/AcctSvcrRef};</li>
 *   <li>else the entry's {@code AcctSvcrRef}, else its {@code NtryRef}, + "/" + the 1-based index
 *       of the transaction within the entry (an entry without TxDtls counts as transaction 1);</li>
 *   <li>else "sha256:" + the first 32 hex digits of SHA-256 over account, GrpHdr/MsgId, and the
 *       1-based statement, entry and transaction indexes.</li>
 * </ol>
 * The key names the transaction, not its state: a pending entry later booked under the same
 * reference keeps its key, so downstream should upsert on it (latest status wins).
 *
 * <p>Statement files build their keys elsewhere ({@link Mt940Keys}, {@link ChineseBankCsvParser})
 * and share {@link #digest} for the parts that have no reference of their own.
 */
final class TransactionKey {

    private static final int DIGEST_HEX_DIGITS = 32;

    private TransactionKey() {
    }

    static String of(String transactionReference, String entryReference, String accountId,
                     String messageId, int statementIndex, int entryIndex, int transactionIndex) {
        if (transactionReference != null) {
            return transactionReference;
        }
        if (entryReference != null) {
            return entryReference + "/" + transactionIndex;
        }
        return digest(accountId, messageId,
                Integer.toString(statementIndex), Integer.toString(entryIndex), Integer.toString(transactionIndex));
    }

    /** "sha256:" + the first 32 hex digits of SHA-256 over the parts, one per line; null parts count as "null". */
    static String digest(String... parts) {
        return "sha256:" + sha256Hex(String.join("\n", parts)).substring(0, DIGEST_HEX_DIGITS);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
