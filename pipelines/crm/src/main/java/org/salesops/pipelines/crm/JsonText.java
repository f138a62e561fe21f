package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;

/** Short renderings of JSON values for rejection reasons, which people read in the dead-letter table. */
final class JsonText {

    private static final int LIMIT = 60;

    private JsonText() {
    }

    /** "string \"abc\"", "number 12.5", "object {...}": the kind of value and the value itself. */
    static String describe(JsonNode node) {
        String kind = node.getNodeType().name().toLowerCase();
        return node.isNull() ? kind : kind + " " + quote(node.toString(), LIMIT);
    }

    /** The text, cut to at most limit characters. */
    static String quote(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }
}
