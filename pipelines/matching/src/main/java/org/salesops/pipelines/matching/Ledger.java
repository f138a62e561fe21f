package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The open-invoice ledger of one currency: every invoice with the money applied to it, every
 * contract, and the lookups matching needs — by document number, the open invoices of a customer,
 * the invoices of a contract, open invoices by open balance. Indexes follow each change made
 * through {@link #change}.
 */
final class Ledger {

    private final DocumentReferences documents;
    private final Store<Long, InvoiceState> invoices;
    private final Store<Long, ContractState> contracts;
    private final Store<String, Long> invoiceNumbers;
    private final Store<String, Long> contractNumbers;
    private final Index<Long, Long> contractInvoices;
    private final Index<Long, Long> openByCustomer;
    private final Index<String, Long> openByBalance;

    Ledger(Stores stores, DocumentReferences documents) {
        this.documents = documents;
        invoices = stores.map("invoices", Types.LONG, TypeInformation.of(InvoiceState.class));
        contracts = stores.map("contracts", Types.LONG, TypeInformation.of(ContractState.class));
        invoiceNumbers = stores.map("invoice-numbers", Types.STRING, Types.LONG);
        contractNumbers = stores.map("contract-numbers", Types.STRING, Types.LONG);
        contractInvoices = new Index<>(stores, "contract-invoices", Types.LONG, Types.LONG);
        openByCustomer = new Index<>(stores, "open-by-customer", Types.LONG, Types.LONG);
        openByBalance = new Index<>(stores, "open-by-balance", Types.STRING, Types.LONG);
    }

    InvoiceState invoice(long id) {
        return invoices.get(id);
    }

    ContractState contract(long id) {
        return contracts.get(id);
    }

    InvoiceState invoiceNumbered(String key) {
        Long id = invoiceNumbers.get(key);
        return id == null ? null : invoices.get(id);
    }

    ContractState contractNumbered(String key) {
        Long id = contractNumbers.get(key);
        return id == null ? null : contracts.get(id);
    }

    /** The key an invoice or contract number is found by. */
    String key(String documentNumber) {
        return documents.key(documentNumber);
    }

    /** A customer's open invoices, oldest first. */
    List<InvoiceState> openOf(long customerId) {
        return load(openByCustomer.get(customerId));
    }

    /** Every invoice of a contract, oldest first. */
    List<InvoiceState> invoicesOf(long contractId) {
        return load(contractInvoices.get(contractId));
    }

    /** Open invoices with exactly this open balance, oldest first. */
    List<InvoiceState> openWithBalance(BigDecimal balance) {
        return load(openByBalance.get(Money.key(balance)));
    }

    /** Money applied to a contract's invoices now, bank fees written off included. */
    BigDecimal paidOn(long contractId) {
        return invoicesOf(contractId).stream().map(i -> i.applied).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A new invoice, or a change to a known one, with its indexes; the state is stored. */
    void change(InvoiceState invoice, Consumer<InvoiceState> change) {
        unindex(invoice);
        change.accept(invoice);
        index(invoice);
        invoices.put(invoice.crm.id, invoice);
    }

    void put(ContractState contract, ContractChange previous) {
        if (previous != null && !previous.contractNo.equals(contract.crm.contractNo)) {
            contractNumbers.remove(documents.key(previous.contractNo));
        }
        contracts.put(contract.crm.id, contract);
        if (contract.crm.deleted) {
            contractNumbers.remove(documents.key(contract.crm.contractNo));
        } else {
            contractNumbers.put(documents.key(contract.crm.contractNo), contract.crm.id);
        }
    }

    private void unindex(InvoiceState invoice) {
        if (invoice.crm == null) {
            return;
        }
        long id = invoice.crm.id;
        String key = documents.key(invoice.crm.invoiceNo);
        if (Objects.equals(invoiceNumbers.get(key), id)) {
            invoiceNumbers.remove(key);
        }
        contractInvoices.remove(invoice.crm.contractId, id);
        if (invoice.open()) {
            openByCustomer.remove(invoice.crm.customerId, id);
            openByBalance.remove(Money.key(invoice.openBalance()), id);
        }
    }

    private void index(InvoiceState invoice) {
        long id = invoice.crm.id;
        if (!invoice.crm.deleted) {
            invoiceNumbers.put(documents.key(invoice.crm.invoiceNo), id);
        }
        contractInvoices.add(invoice.crm.contractId, id);
        if (invoice.open()) {
            openByCustomer.add(invoice.crm.customerId, id);
            openByBalance.add(Money.key(invoice.openBalance()), id);
        }
    }

    private List<InvoiceState> load(Collection<Long> ids) {
        List<InvoiceState> loaded = new ArrayList<>();
        for (long id : ids) {
            InvoiceState invoice = invoices.get(id);
            if (invoice != null) {
                loaded.add(invoice);
            }
        }
        loaded.sort(InvoiceState::byAge);
        return loaded;
    }
}
