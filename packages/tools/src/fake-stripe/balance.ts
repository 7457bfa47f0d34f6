/**
 * The account's balance: the balance transaction of every movement of money, as Stripe makes it.
 * A charge's appears `delay` seconds after the charge (Stripe's asynchronous capture: until then
 * the charge's `balance_transaction` is null), a refund's and a chargeback's at once. The amounts
 * are converted into the settlement currency and the fees taken as settlement.ts says; on IC+
 * pricing a charge's transaction carries no fee and the day's fees come the next morning, in a
 * transaction of their own.
 */

import { balanceTransactionObject, chargeAvailableOn, type TransactionType } from './balance-transactions';
import { DAY, isPlainObject, type JsonObject } from './objects';
import { derivedChars } from './payment-links';
import { disputeFee, icPlusCost, paymentFees, settle, type SettlementSettings } from './settlement';
import type { FakeStripeStore, Stored } from './store';

/** The day's IC+ fees are assessed this long after the day ends. */
const FEES_ASSESSED_AFTER = 6 * 3600;

/** A card payment is a `charge`; a bank debit's (SEPA, ACH, ...) is a `payment`, as in Stripe. */
function paymentType(charge: JsonObject): { type: TransactionType; refund: TransactionType; methodType: string; country: string | null } {
  const details = isPlainObject(charge['payment_method_details']) ? charge['payment_method_details'] : {};
  const methodType = typeof details['type'] === 'string' ? details['type'] : 'card';
  const card = isPlainObject(details['card']) ? details['card'] : {};
  const country = typeof card['country'] === 'string' ? card['country'] : null;
  return methodType === 'card'
    ? { type: 'charge', refund: 'refund', methodType, country }
    : { type: 'payment', refund: 'payment_refund', methodType, country };
}

export class Balance {
  constructor(
    private readonly store: FakeStripeStore,
    /** The account's settlement currency, pricing, delay and rates; changing them changes what is made next. */
    readonly settings: SettlementSettings,
  ) {}

  /** The stored charge's balance transaction (its id is the charge's `balance_transaction`). */
  recordCharge(charge: JsonObject): JsonObject {
    const currency = String(charge['currency']);
    const settled = settle(this.settings, Number(charge['amount']), currency);
    const { type, methodType, country } = paymentType(charge);
    const created = Number(charge['created']) + this.settings.delay;
    return this.store.addObject(
      balanceTransactionObject({
        id: String(charge['balance_transaction']),
        created,
        availableOn: chargeAvailableOn(created),
        amount: settled.amount,
        currency: this.settings.currency,
        exchangeRate: settled.exchangeRate,
        fees: paymentFees(this.settings, { settled: settled.amount, currency, methodType, country }),
        description: typeof charge['description'] === 'string' ? charge['description'] : null,
        source: String(charge['id']),
        type,
        reportingCategory: 'charge',
      }),
    );
  }

  /** The stored refund's balance transaction: the money out, no fee (Stripe keeps the charge's fee on a refund). */
  recordRefund(refund: JsonObject, charge: JsonObject): JsonObject {
    const settled = settle(this.settings, Number(refund['amount']), String(refund['currency']));
    const description = typeof charge['description'] === 'string' ? ` (${charge['description']})` : '';
    return this.store.addObject(
      balanceTransactionObject({
        id: String(refund['balance_transaction']),
        created: Number(refund['created']),
        amount: -settled.amount,
        currency: this.settings.currency,
        exchangeRate: settled.exchangeRate,
        fees: [],
        description: `REFUND FOR CHARGE${description}`,
        source: String(refund['id']),
        type: paymentType(charge).refund,
        reportingCategory: 'refund',
      }),
    );
  }

  /**
   * A stored chargeback's withdrawal (the amount and the dispute fee out) or its reinstatement once
   * won (the amount back). Stripe's dispute fee is not given back when the dispute is won: Stripe's
   * support pages say a won dispute returns "the disputed amount and the dispute countered fee" (a
   * fee charged on submitting evidence, which the fake does not model: it nets to nothing on a win).
   */
  recordDispute(id: string, dispute: JsonObject, movement: 'withdrawn' | 'reinstated', created: number): JsonObject {
    const settled = settle(this.settings, Number(dispute['amount']), String(dispute['currency']));
    const withdrawn = movement === 'withdrawn';
    return this.store.addObject(
      balanceTransactionObject({
        id,
        created,
        amount: withdrawn ? -settled.amount : settled.amount,
        currency: this.settings.currency,
        exchangeRate: settled.exchangeRate,
        fees: withdrawn ? [disputeFee(this.settings)] : [],
        description: `Chargeback ${withdrawn ? 'withdrawal' : 'reversal'} for ${String(dispute['charge'])}`,
        source: String(dispute['id']),
        type: 'adjustment',
        reportingCategory: withdrawn ? 'dispute' : 'dispute_reversal',
      }),
    );
  }

  /** The balance transactions a key of this mode can read now: those made by now, and on IC+ the days' fees. */
  visible(livemode: boolean): Stored<JsonObject>[] {
    const now = this.store.now();
    const made = this.store.objectsOf('balance_transaction').filter((stored) => stored.livemode === livemode && stored.created <= now);
    return [...made, ...this.dailyFees(made, livemode, now)];
  }

  /** One `stripe_fee` transaction per day with payments settled without a fee (IC+), the next morning. */
  private dailyFees(made: Stored<JsonObject>[], livemode: boolean, now: number): Stored<JsonObject>[] {
    const costs = new Map<number, number>();
    for (const { object } of made) {
      const unpriced = Array.isArray(object['fee_details']) && object['fee_details'].length === 0;
      if ((object['type'] !== 'charge' && object['type'] !== 'payment') || !unpriced) continue;
      const day = Math.floor(Number(object['created']) / DAY);
      costs.set(day, (costs.get(day) ?? 0) + icPlusCost(this.settings, Number(object['amount'])));
    }
    const fees: Stored<JsonObject>[] = [];
    for (const [day, cost] of costs) {
      const created = (day + 1) * DAY + FEES_ASSESSED_AFTER;
      if (created > now) continue;
      const date = new Date(day * DAY * 1000).toISOString().slice(0, 10);
      const seed = `${this.store.accountId}:${String(livemode)}:${date}`;
      const object = balanceTransactionObject({
        id: `txn_1${derivedChars(`${seed}:a`, 5)}${this.store.accountId.slice(-10)}${derivedChars(`${seed}:b`, 8)}`,
        created,
        amount: -cost,
        currency: this.settings.currency,
        exchangeRate: null,
        fees: [],
        description: `Card payments (${date}): Stripe fees and network costs`,
        source: null,
        type: 'stripe_fee',
        reportingCategory: 'fee',
      });
      fees.push({ object, seq: 0, created, livemode });
    }
    return fees;
  }
}
