package org.salesops.pipelines.bank;

import java.util.List;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The one entry point for statement files dropped into the watched folder: recognises the format
 * by content, never by file name, and hands the file to its parser. A file is parsed whole or
 * rejected whole.
 * <ul>
 *   <li>XML (the first character, after a byte-order mark and blanks, is "&lt;"): camt.052/053/054,
 *       {@link CamtParser};</li>
 *   <li>a line starting with :20: (after optional SWIFT header blocks): MT940/MT942, {@link Mt940Parser};</li>
 *   <li>a known Chinese bank or payment-app CSV header: {@link ChineseBankCsvParser};</li>
 *   <li>Excel workbooks (.xls, .xlsx: CCB, CITIC, SPDB, WeChat) are rejected with that reason;</li>
 *   <li>anything else is rejected as unknown.</li>
 * </ul>
 * Thread-safe.
 */
public final class StatementFileParser {

    /** OLE2 compound file: legacy .xls. */
    private static final byte[] XLS = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** ZIP local file header: .xlsx (a zip archive in any case, not a statement). */
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    private final CamtParser camt = new CamtParser();
    private final Mt940Parser mt940 = new Mt940Parser();
    private final ChineseBankCsvParser chineseCsv = new ChineseBankCsvParser();

    /**
     * @param file     the file's bytes
     * @param fileName its name, for rejection reasons only
     * @return the transactions in file order
     * @throws RejectedInput when the format is unknown or the file is not a readable, consistent statement
     */
    public List<BankTransaction> parse(byte[] file, String fileName) throws RejectedInput {
        Where where = Where.document(fileName);
        if (file == null || file.length == 0) {
            throw where.reject("empty file");
        }
        if (StatementText.startsWith(file, XLS) || StatementText.startsWith(file, ZIP)) {
            throw where.reject("an Excel workbook or other archive; statements are read as camt XML, MT940/MT942"
                    + " or CSV, so export the statement as CSV");
        }
        if (isXml(file)) {
            return camt.parse(file, fileName);
        }
        if (Mt940Parser.recognises(file)) {
            return mt940.parse(file, fileName);
        }
        if (ChineseBankCsvParser.recognises(file)) {
            return chineseCsv.parse(file, fileName);
        }
        throw where.reject("unknown statement format: not camt.052/053/054 XML, not MT940/MT942 (no line starting"
                + " with :20:), and no known bank CSV header");
    }

    private static boolean isXml(byte[] file) {
        int i = StatementText.contentStart(file);
        while (i < file.length && Character.isWhitespace(file[i])) {
            i++;
        }
        return i < file.length && file[i] == '<';
    }
}
