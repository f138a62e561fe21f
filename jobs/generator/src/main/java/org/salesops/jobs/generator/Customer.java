package org.salesops.jobs.generator;

import java.util.ArrayList;
import java.util.List;

/** A customers row and the company behind it; accounts grow as finance learns new payer accounts. */
final class Customer {

    final long id;
    final Company company;
    final List<String> knownAccounts = new ArrayList<>();

    Customer(long id, Company company) {
        this.id = id;
        this.company = company;
    }
}
