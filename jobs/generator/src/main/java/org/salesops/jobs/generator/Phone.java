package org.salesops.jobs.generator;

import java.util.List;

/**
 * A telephone number and the shapes people and machines write it in. The E.164 form is the
 * truth the pipeline must recover from every other shape.
 *
 * @param areaCode for a landline the area code without the trunk 0 ("755"); null for a mobile
 * @param subscriber the mobile number (11 digits) or the landline's local number
 */
record Phone(String areaCode, String subscriber) {

    boolean mobile() {
        return areaCode == null;
    }

    String e164() {
        return "+86" + national();
    }

    /** Digits after the country code. */
    String national() {
        return mobile() ? subscriber : areaCode + subscriber;
    }

    /** As a person types it into the CRM. */
    String typed(Rng rng) {
        if (mobile()) {
            String a = subscriber.substring(0, 3);
            String b = subscriber.substring(3, 7);
            String c = subscriber.substring(7);
            return rng.weighted(List.of(
                    subscriber, "+86 " + a + " " + b + " " + c, a + "-" + b + "-" + c,
                    a + " " + b + " " + c, "+86" + subscriber, "+86-" + subscriber),
                    40, 20, 15, 12, 8, 5);
        }
        String half = subscriber.substring(0, subscriber.length() / 2);
        String rest = subscriber.substring(subscriber.length() / 2);
        return rng.weighted(List.of(
                "0" + areaCode + "-" + subscriber, "(0" + areaCode + ")" + subscriber,
                "0" + areaCode + " " + half + " " + rest, "+86 " + areaCode + " " + half + " " + rest,
                "0" + areaCode + subscriber),
                45, 15, 15, 10, 15);
    }

    /**
     * As the desk PBX writes a number the rep dialled: mostly with the outside-line digit 9 in
     * front, a trunk 0 before area codes.
     */
    String dialledOnPbx(Rng rng) {
        String national = mobile() ? subscriber : "0" + areaCode + subscriber;
        return rng.chance(0.7) ? "9" + national : national;
    }

    /** As the carrier presents the caller to the desk PBX: national digits, sometimes with 86 or +86 in front. */
    String callerIdOnPbx(Rng rng) {
        if (!mobile()) {
            return "0" + areaCode + subscriber;
        }
        return rng.weighted(List.of(subscriber, "86" + subscriber, "+86" + subscriber), 75, 15, 10);
    }
}
