package org.salesops.jobs.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Column values written as name/value pairs; unlike {@code Map.of} it keeps nulls (a cleared column). */
final class Values {

    private Values() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
