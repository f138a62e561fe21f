package org.salesops.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal that lines up mixed Chinese and Latin text (CJK is two columns wide). */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = header;
    }

    TextTable add(List<String> row) {
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    String render() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            out.append("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                out.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
            }
            out.append('\n');
            if (r == 0) {
                out.append("  ");
                for (int w : widths) {
                    out.append("-".repeat(w)).append("  ");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F);
    }
}
