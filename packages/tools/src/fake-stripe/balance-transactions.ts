/**
 * Stripe's `balance_transaction` as the fake holds it: the keys of test/fixtures/stripe's
 * balance_transaction fixtures, in their order. One per movement of the account's balance: a
 * card charge (`type: charge`; a bank debit's is `payment`), a refund (`type: refund`, or
 * `payment_refund`, negative), a chargeback's withdrawal and its
 * reinstatement (`type: adjustment`, `reporting_category: dispute` / `dispute_reversal`), and on
 * IC+ pricing the day's fees (`type: stripe_fee`, no source). Amounts are in the account's
 * settlement currency, `exchange_rate` set when the money was converted; `net` is `amount - fee`.
 * A balance transaction has no `livemode`: its source says the mode. At 2024-06-20 it has no
 * `balance_type`. Its `status` is `pending` until `available_on`, then `available`.
 */

import { DAY, without, type JsonObject } from './objects';
import type { FeeLine } from './settlement';

export type TransactionType = 'charge' | 'payment' | 'refund' | 'payment_refund' | 'adjustment' | 'stripe_fee';
export type ReportingCategory = 'charge' | 'refund' | 'dispute' | 'dispute_reversal' | 'fee';

/** The types Stripe's list accepts as `type` (API reference, balance transaction object). */
export const TRANSACTION_TYPES = [
  'adjustment', 'advance', 'advance_funding', 'anticipation_repayment', 'application_fee', 'application_fee_refund', 'charge',
  'climate_order_purchase', 'climate_order_refund', 'connect_collection_transfer', 'contribution', 'issuing_authorization_hold',
  'issuing_authorization_release', 'issuing_dispute', 'issuing_transaction', 'network_cost', 'obligation_outbound',
  'obligation_reversal_inbound', 'payment', 'payment_failure_refund', 'payment_network_reserve_hold',
  'payment_network_reserve_release', 'payment_refund', 'payment_reversal', 'payment_unreconciled', 'payout', 'payout_cancel',
  'payout_failure', 'payout_minimum_balance_hold', 'payout_minimum_balance_release', 'refund', 'refund_failure',
  'reserve_transaction', 'reserved_funds', 'stripe_balance_payment_debit', 'stripe_balance_payment_debit_reversal', 'stripe_fee',
  'stripe_fx_fee', 'tax_fee', 'topup', 'topup_reversal', 'transfer', 'transfer_cancel', 'transfer_failure', 'transfer_refund',
] as const; // prettier-ignore

export interface TransactionFields {
  id: string;
  created: number;
  /** When the money can be paid out; default `created` (a debit is at once). */
  availableOn?: number;
  /** In the settlement currency's minor unit; negative for money out. */
  amount: number;
  currency: string;
  exchangeRate: number | null;
  fees: FeeLine[];
  description: string | null;
  source: string | null;
  type: TransactionType;
  reportingCategory: ReportingCategory;
}

/** A card payment's funds become available two days after the payment, at midnight UTC (illustrative: Stripe's schedule varies by country and account). */
export function chargeAvailableOn(created: number): number {
  return Math.floor(created / DAY) * DAY + 2 * DAY;
}

export function balanceTransactionObject(fields: TransactionFields): JsonObject {
  const fee = fields.fees.reduce((sum, line) => sum + line.amount, 0);
  const availableOn = fields.availableOn ?? fields.created;
  return {
    amount: fields.amount,
    available_on: availableOn,
    created: fields.created,
    currency: fields.currency,
    description: fields.description,
    exchange_rate: fields.exchangeRate,
    fee,
    fee_details: fields.fees.map((line) => ({
      amount: line.amount,
      application: null,
      currency: fields.currency,
      description: line.description,
      type: 'stripe_fee',
    })),
    id: fields.id,
    net: fields.amount - fee,
    object: 'balance_transaction',
    reporting_category: fields.reportingCategory,
    source: fields.source,
    status: availableOn <= fields.created ? 'available' : 'pending',
    type: fields.type,
    balance_type: 'payments',
  };
}

/** A stored (current-shape) balance transaction as the current version or 2024-06-20 (`old`) shows it. */
export function renderBalanceTransaction(transaction: JsonObject, old: boolean): JsonObject {
  return old ? without(transaction, ['balance_type']) : without(transaction, []);
}

/** Its `status` at `now`: `pending` until `available_on`. */
export function withStatus(transaction: JsonObject, now: number): JsonObject {
  return { ...transaction, status: Number(transaction['available_on']) <= now ? 'available' : 'pending' };
}
