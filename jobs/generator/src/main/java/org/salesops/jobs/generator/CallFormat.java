package org.salesops.jobs.generator;

/** The wire format a call record travels in on {@code pbx.cdr}. */
public enum CallFormat {
    /** Asterisk cdr_csv line: the rep is identified by the desk extension. */
    ASTERISK,
    /** Twilio Call resource (JSON): the rep is identified by the work mobile in E.164. */
    TWILIO
}
