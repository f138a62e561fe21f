package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/** A customers row as one change leaves it: the names and accounts payments are recognised by. A POJO for Flink. */
public class CustomerChange extends CrmRowChange {
    /** Short name as sales uses it. */
    public String name;
    public String legalName;
    /** Other names: English, pinyin, branches. */
    public List<String> aliases = new ArrayList<>();
    /** Payer accounts known for the customer, normalised by {@link #account}. */
    public List<String> accounts = new ArrayList<>();
    /** The normalised keys of every name it goes by (see {@link PayerNames}), worked out once. */
    public List<String> nameKeys = new ArrayList<>();

    public CustomerChange() {
    }

    /** Null for other tables, tombstones and rows without a name. */
    public static CustomerChange of(CrmChange change) {
        if (!readable(change, "customers")) {
            return null;
        }
        Map<String, Object> row = change.row();
        CustomerChange c = new CustomerChange();
        c.versionOf(change);
        c.name = CrmColumns.text(row, "name");
        if (c.name == null) {
            return null;
        }
        c.legalName = CrmColumns.text(row, "legal_name");
        c.aliases = CrmColumns.list(row, "aliases");
        c.accounts = new ArrayList<>(CrmColumns.list(row, "bank_account").stream().map(CustomerChange::account).toList());
        c.nameKeys = new ArrayList<>(keys(c));
        return c;
    }

    /** An account number as compared: without spaces and dashes, upper case (IBANs). */
    public static String account(String number) {
        return number == null ? null : number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** How the customer is shown in explanations: short name and id. */
    public String label() {
        return name + "(" + id + ")";
    }

    private static Set<String> keys(CustomerChange c) {
        List<String> names = new ArrayList<>();
        names.add(c.name);
        if (c.legalName != null) {
            names.add(c.legalName);
        }
        names.addAll(c.aliases);
        Set<String> keys = new LinkedHashSet<>();
        for (String n : names) {
            String key = PayerNames.normalise(n);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }
}
