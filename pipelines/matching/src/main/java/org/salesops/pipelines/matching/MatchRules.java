package org.salesops.pipelines.matching;

import static org.salesops.pipelines.matching.Plans.en;
import static org.salesops.pipelines.matching.Plans.zh;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The matching rules, in order: (1) an invoice or contract number, or an RF creditor reference,
 * in the remittance information; (2) the payer account; (3) the payer name. The first that finds a
 * customer decides whose open invoices the amount is fitted to: exactly one, several (the fewest,
 * then the oldest), one or several with a bank fee, or part of one (partial payment). Like Business
 * Central's grid, how the customer was found and how the amount fits make the confidence; unlike
 * it, a match is applied only when nothing else is as good: two equally good candidates make a
 * suggestion naming both. Nothing found: open invoices of exactly the amount are suggested.
 */
final class MatchRules {

    private static final double SEVERAL_CUSTOMERS = 0.9;
    private static final double CONTRADICTED = 0.7;
    /** A document named that has nothing open: its customer is known about as well as by name. */
    private static final double CLOSED_REFERENCE = 0.9;

    private final Ledger ledger;
    private final PayerDirectory payers;
    private final MatchingSettings settings;
    private final InvoiceSubsets subsets;

    MatchRules(Ledger ledger, PayerDirectory payers, MatchingSettings settings) {
        this.ledger = ledger;
        this.payers = payers;
        this.settings = settings;
        this.subsets = new InvoiceSubsets(settings.fee(), settings.maxInvoicesPerPayment());
    }

    /**
     * @param excluded    invoices finance rejected for this credit
     * @param suggestOnly finance has looked at the credit already: propose, never apply
     */
    Proposal propose(Payment payment, Set<Long> excluded, boolean suggestOnly) {
        return new Attempt(payment, excluded, suggestOnly).run();
    }

    /** How the amount fits invoices: the plan, and whether it is clear enough to apply. */
    private record Fitted(List<Proposal.Planned> plan, AmountFit fit, boolean clear, Explanation why) {
    }

    /** Whether the invoice is among these (states are compared by invoice: stores may hand out copies). */
    private static boolean in(List<InvoiceState> invoices, InvoiceState invoice) {
        return invoices.stream().anyMatch(i -> i.crm.id == invoice.crm.id);
    }

    private final class Attempt {
        final Payment payment;
        final BigDecimal amount;
        final Set<Long> excluded;
        final boolean suggestOnly;
        final Explanation why = new Explanation();
        final Set<String> wake = new LinkedHashSet<>();
        /** The customer of documents named in the remittance that have nothing open (any more). */
        PayerDirectory.Hit closedReference;
        /** Those documents were paid already: this may be a second payment. */
        boolean paidAlready;

        Attempt(Payment payment, Set<Long> excluded, boolean suggestOnly) {
            this.payment = payment;
            this.amount = payment.amount;
            this.excluded = excluded;
            this.suggestOnly = suggestOnly;
        }

        Proposal run() {
            if (payment.payerAccount != null && !payment.payerAccount.isEmpty()) {
                wake.add(CreditBook.accountKey(payment.payerAccount));
            }
            PayerNames.grams(PayerNames.normalise(payment.payerName)).forEach(g -> wake.add(CreditBook.gramKey(g)));
            Proposal byReference = byReference();
            if (byReference != null) {
                return byReference;
            }
            if (closedReference != null) {
                if (paidAlready) {
                    why.add("疑似重复付款,需财务确认", "possibly paid twice: finance to decide");
                }
                return byCustomers(List.of(closedReference), false, paidAlready);
            }
            List<PayerDirectory.Hit> accounts = payers.byAccount(payment.payerAccount);
            if (!accounts.isEmpty()) {
                return byCustomers(accounts, true, false);
            }
            List<PayerDirectory.Hit> names = payers.byName(payment.payerName, settings.nameSimilarity());
            if (!names.isEmpty()) {
                return byCustomers(names, false, false);
            }
            return byAmountOnly();
        }

        // ---- rule 1: document numbers ------------------------------------------------------------

        private Proposal byReference() {
            Map<String, String> written = new LinkedHashMap<>();
            for (String document : payment.referredDocuments) {
                written.putIfAbsent(settings.documents().key(document), document);
            }
            for (DocumentReferences.Reference r : settings.documents().find(payment.remittance)) {
                written.putIfAbsent(r.key(), r.written());
            }
            Set<String> viaCreditorReference = creditorReferenceKeys(written);
            if (written.isEmpty()) {
                return null;
            }
            written.keySet().forEach(k -> wake.add(CreditBook.documentKey(k)));

            List<InvoiceState> named = new ArrayList<>();
            List<ContractState> contracts = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, String> e : written.entrySet()) {
                InvoiceState invoice = ledger.invoiceNumbered(e.getKey());
                ContractState contract = invoice == null ? ledger.contractNumbered(e.getKey()) : null;
                if (invoice != null) {
                    named.add(invoice);
                } else if (contract != null) {
                    contracts.add(contract);
                } else {
                    unknown.add(e.getValue());
                }
            }
            if (!unknown.isEmpty()) {
                why.add("附言中的单号" + String.join("、", unknown) + "在CRM中没有",
                        "the remittance names " + String.join(", ", unknown) + ", unknown to the CRM");
            }
            named.sort(InvoiceState::byAge);
            List<InvoiceState> open = named.stream().filter(this::candidate).toList();
            named.stream().filter(i -> !candidate(i)).forEach(this::explainNotOpen);
            List<InvoiceState> ofContracts = contracts.stream().flatMap(c -> ledger.invoicesOf(c.crm.id).stream())
                    .filter(this::candidate).filter(i -> !in(open, i)).toList();
            if (open.isEmpty() && ofContracts.isEmpty()) {
                rememberClosedReference(named, contracts);
                return null;
            }
            Set<Long> customers = Stream.concat(open.stream(), ofContracts.stream()).map(i -> i.crm.customerId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (customers.size() > 1) {
                why.add("附言中的单号分属不同客户", "the documents named belong to different customers");
                List<InvoiceState> all = Stream.concat(open.stream(), ofContracts.stream()).toList();
                return proposal(Evidence.INVOICE_REFERENCE, 0.5, null, Plans.spread(all, amount, settings.fee()),
                        Plans.fit(all, amount, settings.fee()), false);
            }
            long customer = customers.iterator().next();
            customers.forEach(c -> wake.add(CreditBook.customerKey(c)));
            Evidence evidence;
            if (!open.isEmpty()) {
                boolean rf = open.stream().allMatch(i -> viaCreditorReference.contains(ledger.key(i.crm.invoiceNo)));
                evidence = rf ? Evidence.CREDITOR_REFERENCE : Evidence.INVOICE_REFERENCE;
                why.add((rf ? "RF参考号指向发票" : "附言含发票号") + zh(open),
                        (rf ? "the RF creditor reference names invoice " : "the remittance names invoice ") + en(open));
            } else {
                evidence = Evidence.CONTRACT_REFERENCE;
                String numbers = contracts.stream().map(c -> c.crm.contractNo).collect(Collectors.joining("、"));
                why.add("附言含合同号" + numbers, "the remittance names contract " + numbers.replace("、", ", "));
            }
            Fitted fitted = open.isEmpty() ? fitContractInvoices(ofContracts, customer) : fitNamedInvoices(open, customer);
            double confidence = evidence.strength();
            boolean contradicted = contradicted(customer);
            if (contradicted) {
                confidence *= CONTRADICTED;
            }
            why.addAll(fitted.why());
            return proposal(evidence, confidence, customer, fitted.plan(), fitted.fit(), fitted.clear() && !contradicted);
        }

        /**
         * Keys of the document an RF creditor reference carries (the structured one, else one in
         * the text); adds them to {@code written}. A structured one failing its check digits is
         * ignored, and said so.
         */
        private Set<String> creditorReferenceKeys(Map<String, String> written) {
            String structured = payment.creditorReference;
            boolean rfGiven = structured != null && structured.replace(" ", "").toUpperCase(Locale.ROOT).startsWith("RF");
            if (rfGiven && !CreditorReference.isValid(structured)) {
                why.add("RF参考号" + structured + "校验位不符,未采用",
                        "the RF creditor reference " + structured + " fails its check digits and is ignored");
            }
            String rf = rfGiven && CreditorReference.isValid(structured) ? structured
                    : CreditorReference.find(payment.remittance).orElse(null);
            if (rf == null) {
                return Set.of();
            }
            String payload = CreditorReference.payload(rf).orElseThrow();
            List<DocumentReferences.Reference> inside = settings.documents().find(payload);
            List<String> keys = inside.isEmpty() ? List.of(settings.documents().key(payload))
                    : inside.stream().map(DocumentReferences.Reference::key).toList();
            keys.forEach(k -> written.putIfAbsent(k, rf));
            return new LinkedHashSet<>(keys);
        }

        private boolean candidate(InvoiceState invoice) {
            return invoice.open() && !excluded.contains(invoice.crm.id);
        }

        private void explainNotOpen(InvoiceState invoice) {
            String no = invoice.crm.invoiceNo;
            if (excluded.contains(invoice.crm.id)) {
                why.add("财务已否定发票" + no, "finance rejected " + no + " for this payment");
            } else if (!invoice.crm.payable()) {
                boolean draft = "draft".equals(invoice.crm.status) && !invoice.crm.deleted;
                why.add("发票" + no + (draft ? "尚未开具" : "已作废"), no + (draft ? " is not issued yet" : " is cancelled"));
            } else {
                why.add("发票" + no + "已结清", no + " is paid already");
            }
        }

        /**
         * Documents named but nothing open on them still say whose money it is, if less surely
         * (a re-issued invoice, a number from an old contract).
         */
        private void rememberClosedReference(List<InvoiceState> named, List<ContractState> contracts) {
            Set<Long> customers = Stream.concat(named.stream().map(i -> i.crm.customerId),
                    contracts.stream().map(c -> c.crm.customerId)).collect(Collectors.toSet());
            if (customers.size() == 1) {
                long customer = customers.iterator().next();
                Evidence evidence = named.isEmpty() ? Evidence.CONTRACT_REFERENCE : Evidence.INVOICE_REFERENCE;
                closedReference = new PayerDirectory.Hit(customer, evidence, CLOSED_REFERENCE, payers.label(customer));
                paidAlready = named.stream().anyMatch(i -> i.crm.payable())
                        || contracts.stream().anyMatch(c -> !ledger.invoicesOf(c.crm.id).isEmpty());
            }
        }

        private boolean contradicted(long customer) {
            List<PayerDirectory.Hit> accounts = payers.byAccount(payment.payerAccount);
            if (accounts.isEmpty() || accounts.stream().anyMatch(h -> h.customerId() == customer)) {
                return false;
            }
            why.add("但付款账号登记在" + accounts.get(0).label() + "名下", "but the payer account is "
                    + accounts.get(0).label() + "'s");
            return true;
        }

        private Fitted fitNamedInvoices(List<InvoiceState> named, long customer) {
            BigDecimal total = InvoiceSubsets.sum(named);
            if (total.compareTo(amount) == 0) {
                return fitted(settle(named), AmountFit.EXACT, true);
            }
            if (settings.fee().covers(total, amount)) {
                return fitted(settle(named), AmountFit.WITHIN_FEE, true);
            }
            if (amount.compareTo(total) > 0) {
                return withOtherInvoices(named, customer);
            }
            if (named.size() == 1) {
                return fitted(fifo(named), AmountFit.PARTIAL, true);
            }
            Optional<InvoiceSubsets.Subset> some = subsets.settling(named, amount);
            if (some.isPresent()) {
                return fromSubset(some.get(), List.of());
            }
            Fitted partial = fitted(fifo(named), AmountFit.PARTIAL, false);
            partial.why().add("付款少于所列发票合计,先核销哪张不明", "less than the invoices named: which to settle first is unclear");
            return partial;
        }

        /**
         * A contract named: its open invoices, or some of them with the customer's other open
         * invoices (one transfer for several), or else its oldest installments first.
         */
        private Fitted fitContractInvoices(List<InvoiceState> invoices, long customer) {
            Optional<InvoiceSubsets.Subset> subset = subsets.settling(invoices, amount);
            if (subset.isPresent()) {
                return fromSubset(subset.get(), List.of());
            }
            Optional<InvoiceSubsets.Subset> withOthers = subsets.settling(open(customer), amount);
            if (withOthers.isPresent()) {
                List<InvoiceState> others = withOthers.get().invoices().stream().filter(i -> !in(invoices, i)).toList();
                boolean namesContract = others.size() < withOthers.get().invoices().size();
                Fitted fitted = fromSubset(withOthers.get(), List.of());
                if (!namesContract) {
                    return new Fitted(fitted.plan(), fitted.fit(), false, fitted.why().add(
                            "但这些发票都不属于所列合同", "but none of them belongs to the contract named"));
                }
                fitted.why().add("含该客户的其他未结发票" + zh(others), "together with the customer's other open invoice "
                        + en(others));
                return fitted;
            }
            if (amount.compareTo(InvoiceSubsets.sum(invoices)) > 0) {
                return fitted(fifo(invoices), AmountFit.OVERPAID, false);
            }
            Fitted partial = fitted(fifo(invoices), AmountFit.PARTIAL, true);
            if (invoices.size() > 1) {
                partial.why().add("按合同分期顺序先核销最早的发票", "applied to the contract's oldest invoice first, in installment order");
            }
            return partial;
        }

        /** More than the documents named: the customer's other open invoices may make up the rest. */
        private Fitted withOtherInvoices(List<InvoiceState> named, long customer) {
            List<InvoiceState> others = open(customer).stream().filter(i -> !in(named, i)).toList();
            BigDecimal rest = amount.subtract(InvoiceSubsets.sum(named));
            Optional<InvoiceSubsets.Subset> subset = subsets.settling(others, rest);
            if (subset.isPresent()) {
                Fitted fitted = fromSubset(subset.get(), named);
                if (fitted.clear()) {
                    fitted.why().add("余额" + Money.text(rest) + "正好结清该客户的其他未结发票" + zh(subset.get().invoices()),
                            "the remaining " + Money.text(rest) + " settles the customer's other open invoice "
                                    + en(subset.get().invoices()));
                }
                return fitted;
            }
            return fitted(fifo(named), AmountFit.OVERPAID, false);
        }

        // ---- rules 2 and 3: payer account, payer name --------------------------------------------

        private Proposal byCustomers(List<PayerDirectory.Hit> hits, boolean byAccount, boolean forceSuggestion) {
            hits.forEach(h -> wake.add(CreditBook.customerKey(h.customerId())));
            explainHits(hits);
            List<PayerDirectory.Hit> fitting = new ArrayList<>();
            List<InvoiceSubsets.Subset> fits = new ArrayList<>();
            for (PayerDirectory.Hit hit : hits) {
                subsets.settling(open(hit.customerId()), amount).ifPresent(s -> {
                    fitting.add(hit);
                    fits.add(s);
                });
            }
            if (fits.stream().anyMatch(s -> s.fit() == AmountFit.EXACT)) {
                for (int i = fits.size() - 1; i >= 0; i--) {
                    if (fits.get(i).fit() != AmountFit.EXACT) {
                        fits.remove(i);
                        fitting.remove(i);
                    }
                }
            }
            double several = hits.size() > 1 ? SEVERAL_CUSTOMERS : 1.0;
            if (fits.size() > 1) {
                why.add("金额同样符合" + fitting.get(0).label() + "和" + fitting.get(1).label() + "的未结发票,需财务确认",
                        "the amount fits open invoices of both " + fitting.get(0).label() + " and "
                                + fitting.get(1).label() + ": finance to decide");
                List<InvoiceState> both = Stream.concat(fits.get(0).invoices().stream(), fits.get(1).invoices().stream()).toList();
                return proposal(fitting.get(0).evidence(), fitting.get(0).strength() * several, null, settle(both),
                        fits.get(0).fit(), false);
            }
            if (fits.size() == 1) {
                PayerDirectory.Hit hit = fitting.get(0);
                Fitted fitted = fromSubset(fits.get(0), List.of());
                why.addAll(fitted.why());
                return proposal(hit.evidence(), hit.strength() * several, hit.customerId(), fitted.plan(), fitted.fit(),
                        fitted.clear() && !forceSuggestion);
            }
            if (hits.size() > 1) {
                why.add("金额与这些客户的未结发票都不符", "the amount fits none of their open invoices");
                return unmatched(null);
            }
            PayerDirectory.Hit hit = hits.get(0);
            List<InvoiceState> open = open(hit.customerId());
            if (open.isEmpty()) {
                why.add(hit.label() + "没有未结发票", hit.label() + " has no open invoice");
                return unmatched(hit.customerId());
            }
            Fitted fitted;
            if (amount.compareTo(InvoiceSubsets.sum(open)) > 0) {
                fitted = fitted(fifo(open), AmountFit.OVERPAID, false);
            } else if (open.size() == 1) {
                // Partial payment of the customer's only open invoice: clear enough when the account says who paid.
                fitted = fitted(fifo(open), AmountFit.PARTIAL, byAccount);
            } else {
                fitted = fitted(fifo(open), AmountFit.PARTIAL, false);
                fitted.why().add("客户有多张未结发票,部分付款对应哪张不明",
                        "the customer has several open invoices: which one this partial payment is for is unclear");
            }
            why.addAll(fitted.why());
            return proposal(hit.evidence(), hit.strength(), hit.customerId(), fitted.plan(), fitted.fit(),
                    fitted.clear() && !forceSuggestion);
        }

        private void explainHits(List<PayerDirectory.Hit> hits) {
            String names = hits.stream().map(PayerDirectory.Hit::label).collect(Collectors.joining("、"));
            String namesEn = names.replace("、", ", ");
            String payer = "「" + payment.payerName + "」";
            switch (hits.get(0).evidence()) {
                case PAYER_ACCOUNT -> why.add("付款账号" + payment.payerAccount + "登记在" + names + "名下",
                        "the payer account " + payment.payerAccount + " is registered for " + namesEn);
                case LEARNED_ACCOUNT -> why.add("付款账号" + payment.payerAccount + "曾经财务确认属于" + names,
                        "finance confirmed the payer account " + payment.payerAccount + " as " + namesEn + "'s before");
                case LEARNED_NAME -> why.add("付款人" + payer + "曾经财务确认为" + names,
                        "finance confirmed the payer " + payment.payerName + " as " + namesEn + " before");
                case INVOICE_REFERENCE, CONTRACT_REFERENCE, CREDITOR_REFERENCE -> why.add(
                        "附言所列单据属于" + names, "the documents named belong to " + namesEn);
                default -> {
                    PayerDirectory.Hit first = hits.get(0);
                    String how = switch (first.evidence()) {
                        case PAYER_NAME -> "名称一致";
                        case NAME_CONTAINED -> "名称部分一致";
                        default -> "名称相似(相似度" + first.strength() + ",疑似错别字)";
                    };
                    String howEn = switch (first.evidence()) {
                        case PAYER_NAME -> "is the name of";
                        case NAME_CONTAINED -> "is part of (or contains) the name of";
                        default -> "is " + Math.round(first.strength() * 100) + "% like the name of (a likely typo)";
                    };
                    why.add("付款人" + payer + "与" + names + how, "the payer " + payment.payerName + " " + howEn + " "
                            + namesEn);
                }
            }
        }

        private List<InvoiceState> open(long customerId) {
            return ledger.openOf(customerId).stream().filter(this::candidate).toList();
        }

        // ---- nothing identifies the payer ----------------------------------------------------------

        private Proposal byAmountOnly() {
            List<InvoiceState> same = ledger.openWithBalance(amount).stream().filter(this::candidate).toList();
            if (!same.isEmpty() && same.size() <= settings.maxAmountOnlyCandidates()) {
                why.add("付款人未能识别,仅金额与" + zh(same) + "的未结余额一致",
                        "the payer is not recognised; only the amount equals the open balance of " + en(same));
                double confidence = Evidence.AMOUNT_ONLY.strength() * (same.size() > 1 ? SEVERAL_CUSTOMERS : 1.0);
                Long customer = same.size() == 1 ? same.get(0).crm.customerId : null;
                same.forEach(i -> wake.add(CreditBook.customerKey(i.crm.customerId)));
                return proposal(Evidence.AMOUNT_ONLY, confidence, customer, settle(same), AmountFit.EXACT, false);
            }
            if (same.isEmpty()) {
                why.add("付款人未能识别,也没有金额相同的未结发票", "neither the payer nor an open invoice of this amount is known");
            } else {
                why.add("付款人未能识别,金额与" + same.size() + "张未结发票相同,无从判断",
                        "the payer is not recognised and " + same.size() + " open invoices have this amount: it says nothing");
            }
            return unmatched(null);
        }

        // ---- plans and proposals -----------------------------------------------------------------

        private Fitted fromSubset(InvoiceSubsets.Subset subset, List<InvoiceState> also) {
            List<InvoiceState> invoices = new ArrayList<>(also);
            invoices.addAll(subset.invoices());
            if (subset.unique()) {
                return fitted(settle(invoices), subset.fit(), true);
            }
            Fitted open = fitted(settle(invoices), subset.fit(), false);
            if (subset.rival() != null) {
                open.why().add("同样可能是" + zh(subset.rival()) + ",需财务确认",
                        "it could as well be " + en(subset.rival()) + ": finance to decide");
                List<Proposal.Planned> both = new ArrayList<>(open.plan());
                subset.rival().stream().filter(i -> !in(invoices, i))
                        .forEach(i -> both.add(new Proposal.Planned(i, i.openBalance(), BigDecimal.ZERO)));
                return new Fitted(both, open.fit(), false, open.why());
            }
            open.why().add("未结发票太多,无法排除其他组合", "too many open invoices to rule out another combination");
            return open;
        }

        private Fitted fitted(List<Proposal.Planned> plan, AmountFit fit, boolean clear) {
            List<InvoiceState> invoices = plan.stream().map(Proposal.Planned::invoice).toList();
            return new Fitted(plan, fit, clear, Plans.explain(fit, invoices, amount));
        }

        private List<Proposal.Planned> settle(List<InvoiceState> invoices) {
            return Plans.settle(invoices, amount);
        }

        private List<Proposal.Planned> fifo(List<InvoiceState> invoices) {
            return Plans.fifo(invoices, amount);
        }

        private Proposal proposal(Evidence evidence, double strength, Long customer, List<Proposal.Planned> plan,
                                  AmountFit fit, boolean clear) {
            double confidence = strength * fit.factor() * (plan.size() > 1 ? AmountFit.SEVERAL_INVOICES : 1.0);
            confidence = Math.round(confidence * 100) / 100.0;
            boolean auto = clear && !suggestOnly && confidence >= settings.autoMatchConfidence();
            if (auto) {
                why.add("自动核销(置信度" + confidence + ")", "applied automatically (confidence " + confidence + ")");
            } else if (suggestOnly) {
                why.add("建议核销,待财务确认", "suggested: finance to confirm");
            } else if (clear) {
                why.add("置信度" + confidence + "低于自动核销阈值" + settings.autoMatchConfidence() + ",待财务确认",
                        "confidence " + confidence + " is below the " + settings.autoMatchConfidence()
                                + " needed to apply it without a person: finance to confirm");
            } else {
                why.add("不能自动核销,待财务确认", "not clear enough to apply without a person: finance to confirm");
            }
            return new Proposal(auto ? PaymentMatch.AUTO_MATCHED : PaymentMatch.SUGGESTED, evidence, fit, confidence,
                    customer, plan, why, List.copyOf(wake));
        }

        private Proposal unmatched(Long customer) {
            return new Proposal(PaymentMatch.UNMATCHED, null, null, 0, customer, List.of(), why, List.copyOf(wake));
        }
    }
}
