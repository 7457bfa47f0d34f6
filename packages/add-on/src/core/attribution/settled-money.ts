/**
 * What Stripe kept of each sale, from the Settled tab's balance transactions: which session each
 * one counts against (through the payment it names: the session's own payment_intent and, for a
 * subscription, its invoices' payments, the same ties as money after the sale in
 * core/ledger/session-money.ts), and each session's settlement currency, gross, fees and net, in
 * minor units of that currency so every total adds up exactly. A session whose payment has no
 * balance transaction yet has none of these: its cells stay empty until a later sync reads it.
 */

import type { MoneyRecord } from '../ledger/money';
import { sessionPayments, type SessionMoneyInput } from '../ledger/session-money';
import type { SettledRecord } from '../stripe/balance-transaction';

export interface SessionSettled {
  /** The account's settlement currency, as its payment's balance transaction says. */
  currency: string;
  /** The amounts of its payments' (first and renewals) balance transactions: what was charged, converted. */
  gross: number;
  /** Stripe's fees over every counted transaction (card fees, dispute fees); 0 while `feesUnread`. */
  fees: number;
  /** Every counted transaction's net: payments less fees, refunds, disputes and their fees. */
  net: number;
  /** One of its payments' transactions shows no fee (IC+ pricing): its fees and net cannot be read. */
  feesUnread: boolean;
  transactions: number;
}

export interface SettledPlacement {
  session_id: string;
  counted: string;
}

export interface SettledMoney {
  bySession: Map<string, SessionSettled>;
  /** One per settled record, in their order. */
  placements: SettledPlacement[];
}

/** A payment's own transaction (a card's `charge`, a bank debit's `payment`): what makes a session settled. */
const isPayment = (record: SettledRecord): boolean => record.reporting_category === 'charge';

const WHAT: Readonly<Record<string, string>> = {
  charge: 'payment',
  refund: 'refund',
  dispute: 'dispute: amount and fee withdrawn',
  dispute_reversal: 'dispute won: amount back',
};

/** Which payment a record concerns: the one it names, else the one its charge's own transaction names. */
function intentsOf(settled: readonly SettledRecord[], money: readonly MoneyRecord[]): (record: SettledRecord) => string {
  const byCharge = new Map<string, string>();
  for (const record of money) if (record.charge !== '' && record.payment_intent !== '') byCharge.set(record.charge, record.payment_intent);
  for (const record of settled)
    if (record.charge !== '' && record.payment_intent !== '') byCharge.set(record.charge, record.payment_intent);
  return (record) => (record.payment_intent !== '' ? record.payment_intent : (byCharge.get(record.charge) ?? ''));
}

/** Earliest first, then by id: the transaction whose currency is the session's. */
const byTime = (a: SettledRecord, b: SettledRecord): number =>
  a.created - b.created || a.balance_transaction.localeCompare(b.balance_transaction);

/**
 * Places every settled record and totals each session. `sessions` are the sales that count
 * (flagged ones left out); `money` the Money after sale records, whose invoices tie a
 * subscription's payments to the session that started it.
 */
export function settledMoney(
  sessions: readonly SessionMoneyInput[],
  money: readonly MoneyRecord[],
  settled: readonly SettledRecord[],
): SettledMoney {
  const payments = sessionPayments(sessions, money);
  const intentOf = intentsOf(settled, money);
  const placements: SettledPlacement[] = settled.map(() => ({ session_id: '', counted: '' }));
  const ofSession = new Map<string, number[]>();

  settled.forEach((record, i) => {
    const placement = placements[i] as SettledPlacement;
    const intent = intentOf(record);
    if (record.source === '') {
      placement.counted = "not counted: Stripe's fees charged apart (IC+ pricing), for no one sale";
      return;
    }
    const payment = payments.get(intent);
    if (payment === undefined) {
      placement.counted = intent === '' ? 'not counted: names no payment' : 'waiting for its session (or not a sale of a payment link)';
      return;
    }
    placement.session_id = payment.session.session_id;
    if (record.livemode !== payment.session.livemode) {
      placement.counted = `not counted: ${record.livemode ? 'live' : 'test'} mode, and its session is not`;
      return;
    }
    const list = ofSession.get(payment.session.session_id) ?? [];
    list.push(i);
    ofSession.set(payment.session.session_id, list);
  });

  const bySession = new Map<string, SessionSettled>();
  for (const [sessionId, indexes] of ofSession) {
    const records = indexes.map((i) => settled[i] as SettledRecord);
    const first = records.filter(isPayment).sort(byTime)[0];
    if (first === undefined) {
      for (const i of indexes) (placements[i] as SettledPlacement).counted = "waiting for the balance transaction of its session's payment";
      continue;
    }
    const total: SessionSettled = { currency: first.currency, gross: 0, fees: 0, net: 0, feesUnread: false, transactions: 0 };
    indexes.forEach((i) => {
      const record = settled[i] as SettledRecord;
      const placement = placements[i] as SettledPlacement;
      if (record.currency !== total.currency) {
        placement.counted = `not counted: settled in ${record.currency.toUpperCase()}, and its session's payment in ${total.currency.toUpperCase()}`;
        return;
      }
      total.transactions++;
      if (isPayment(record)) total.gross += record.amount_minor;
      if (record.fee_minor === null) total.feesUnread = true;
      else total.fees += record.fee_minor;
      total.net += record.net_minor;
      const what = WHAT[record.reporting_category] ?? record.reporting_category;
      placement.counted = record.fee_minor === null ? `${what} (no fee shown: IC+ pricing)` : what;
    });
    if (total.feesUnread) {
      total.fees = 0;
      total.net = 0;
    }
    bySession.set(sessionId, total);
  }
  return { bySession, placements };
}
