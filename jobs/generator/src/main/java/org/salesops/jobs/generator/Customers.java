package org.salesops.jobs.generator;


/** The customers table: companies become customers when a lead qualifies or they buy again. */
final class Customers {

    private final World world;

    Customers(World world) {
        this.world = world;
    }

    /** Registers the company now; sales does not always know the tax id or the paying account yet. */
    Customer register(Company company) {
        Customer customer = new Customer(world.crm.nextId("customers"), company);
        if (world.rng.chance(0.8)) {
            customer.knownAccounts.add(company.accounts().get(0));
        }
        world.crm.insert("customers", Values.of("id", customer.id, "name", company.shortName(),
                "legal_name", company.legalName(), "aliases", company.aliases(),
                "tax_id", world.rng.chance(0.9) ? company.taxId() : null,
                "bank_account", accounts(customer), "region", company.city().region(),
                "industry", company.industry()));
        return customer;
    }

    /** The prospect's customer, registering the company (and linking the lead to it) when sales first needs it. */
    Customer of(Prospect prospect) {
        if (prospect.customer == null) {
            prospect.customer = register(prospect.company);
            if (prospect.leadId != null && !prospect.deleted) {
                world.crm.update("leads", prospect.leadId, Values.of("customer_id", prospect.customer.id));
            }
        }
        return prospect.customer;
    }

    /** Finance records a payer account seen on a credit, so the next payment matches by account. */
    void learnAccount(Customer customer, String account) {
        if (!customer.knownAccounts.contains(account)) {
            customer.knownAccounts.add(account);
            world.crm.update("customers", customer.id, Values.of("bank_account", accounts(customer)));
        }
    }

    private static String accounts(Customer customer) {
        return customer.knownAccounts.isEmpty() ? null : String.join(";", customer.knownAccounts);
    }
}
