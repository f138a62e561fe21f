package org.salesops.infra.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The real Asterisk cdr_csv sample, as test data that goes through Kafka, Iceberg and Trino. */
final class AsteriskCdr {

    static final String SAMPLE = "asterisk-cdr/fafeitsch__cdrcsv-report-generator/smallcdr.csv";

    /** The columns of cdr_csv that the smoke table keeps (0-based positions of the 18). */
    static final int SRC = 1;
    static final int DST = 2;
    static final int BILLSEC = 13;
    static final int DISPOSITION = 14;
    static final int UNIQUEID = 16;

    private AsteriskCdr() {
    }

    static List<String> lines() throws IOException {
        return Files.readAllLines(SharedSamples.file(SAMPLE), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** Splits one cdr_csv line: fields in double quotes, a doubled quote stands for one. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
