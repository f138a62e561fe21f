package org.salesops.jobs.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hands out telephone numbers, each at most once, so a number always leads back to one person. */
final class PhoneBook {

    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
            "155", "156", "157", "158", "159", "176", "177", "178", "180", "181", "182", "183", "185",
            "186", "187", "188", "189", "198", "199");

    private final Rng rng;
    private final Set<String> issued = new HashSet<>();

    PhoneBook(Rng rng) {
        this.rng = rng;
    }

    Phone mobile() {
        Phone phone;
        do {
            phone = new Phone(null, rng.pick(MOBILE_PREFIXES) + rng.digits(8));
        } while (!issued.add(phone.e164()));
        return phone;
    }

    Phone landline(City city) {
        Phone phone;
        do {
            // Local numbers never start with 0 or 1; 8-digit ones starting with 8 are mostly unassigned.
            phone = new Phone(city.areaCode(), rng.between(2, 7) + rng.digits(city.localDigits() - 1));
        } while (!issued.add(phone.e164()));
        return phone;
    }
}
