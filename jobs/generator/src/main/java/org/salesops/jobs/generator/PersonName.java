package org.salesops.jobs.generator;

/** A person's name in characters and in pinyin (for e-mail addresses). */
record PersonName(String chinese, String surnamePinyin, String givenPinyin) {

    String email(String domain) {
        return givenPinyin + "." + surnamePinyin + "@" + domain;
    }
}
