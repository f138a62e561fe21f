package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.util.List;
import org.salesops.pipelines.bank.CamtValues.Money;
import org.salesops.pipelines.common.RejectedInput;
import org.w3c.dom.Element;

/**
 * A statement balance ({@code Bal}) of one type, signed: credit positive.
 *
 * @param type e.g. OPBD, PRCD, CLBD
 */
record Balance(String type, BigDecimal signedAmount, String currency) {

    /**
     * The first balance of the given type ({@code Tp/CdOrPrtry/Cd}), or null. A balance without
     * {@code CdtDbtInd} is read as credit: the indicator is mandatory, but a real LT bank omits it on
     * positive balances, and its statements reconcile only that way.
     */
    static Balance find(Element statement, String type, Where statementWhere) throws RejectedInput {
        List<Element> balances = Dom.children(statement, "Bal");
        for (int i = 0; i < balances.size(); i++) {
            Element balance = balances.get(i);
            if (!type.equals(Dom.text(balance, "Tp", "CdOrPrtry", "Cd"))) {
                continue;
            }
            Where where = statementWhere.at("Bal", i + 1);
            Element amt = Dom.child(balance, "Amt");
            if (amt == null) {
                throw where.reject(type + " balance has no Amt");
            }
            Money money = CamtValues.money(amt, where, "Amt");
            String indicator = Dom.text(balance, "CdtDbtInd");
            boolean debit = indicator != null && CamtValues.direction(indicator, where, "CdtDbtInd") < 0;
            return new Balance(type, debit ? money.amount().negate() : money.amount(), money.currency());
        }
        return null;
    }

    @Override
    public String toString() {
        return type + " " + signedAmount.toPlainString() + " " + currency;
    }
}
