/**
 * Stripe's balance transactions as the sync lists them (`GET /v1/balance_transactions` with
 * `expand[]=data.source`): what each movement of the account's balance took or gave, in the
 * account's settlement currency (`amount`, `fee`, `net` = amount − fee, `exchange_rate` when the
 * payment was converted), and the payment it concerns, read from its expanded source (a charge
 * names its `payment_intent`; a refund and a dispute name their `payment_intent` and `charge`).
 * Parsed with zod/mini: only what is used, every amount an integer Stripe could have sent.
 */

import * as z from 'zod/mini';
import { lazily } from '../helpers/lazily';
import { CHARGE_ID, DISPUTE_ID, idOf, PAYMENT_INTENT_ID } from './money-event';

export const BALANCE_TRANSACTION_ID = /^txn_[A-Za-z0-9]{1,250}$/;
const REFUND_ID = /^(?:re|pyr)_[A-Za-z0-9]{1,250}$/;

/** What the add-on keeps of one balance transaction: a row of the Settled tab. */
export interface SettledRecord {
  /** The `txn_` id. */
  balance_transaction: string;
  type: string;
  reporting_category: string;
  /** The id of what moved the money (`ch_`, `re_`, `du_`), '' when Stripe names none (a fee charged apart). */
  source: string;
  /** The payment it concerns, '' when its source names none. */
  payment_intent: string;
  /** The charge it concerns (a charge's own id, a refund's or dispute's charge), or ''. */
  charge: string;
  /** Minor units of the settlement currency; negative for money out. */
  amount_minor: number;
  /**
   * What Stripe kept, minor units; null when a payment's transaction shows no fee at all (no fee
   * line): accounts on IC+ pricing cannot read a payment's fees from its balance transaction.
   */
  fee_minor: number | null;
  net_minor: number;
  /** The account's settlement currency, lowercase. */
  currency: string;
  /** Units of `currency` per unit of the payment's currency, null when nothing was converted. */
  exchange_rate: number | null;
  livemode: boolean;
  /** Unix seconds. */
  created: number;
}

/** The reporting categories of the payments' money that no source of a sale carries: Stripe's fees charged apart (IC+). */
const FEES_APART: ReadonlySet<string> = new Set(['fee', 'network_cost']);

/** One page of the account's balance transactions created at or after `since`, newest first, each with its source expanded. */
export function balanceTransactionsPagePath(since: number, startingAfter: string | null, limit = 100): string {
  const query = [`created%5Bgte%5D=${String(Math.floor(since))}`, `limit=${String(limit)}`, 'expand%5B%5D=data.source'];
  if (startingAfter !== null) {
    if (!BALANCE_TRANSACTION_ID.test(startingAfter)) throw new Error(`not a balance transaction id: ${startingAfter}`);
    query.push(`starting_after=${startingAfter}`);
  }
  return `/v1/balance_transactions?${query.join('&')}`;
}

const integer = () => z.number().check(z.int());

const transactionSchema = lazily(() =>
  z
    .object({
      id: z.string().check(z.regex(BALANCE_TRANSACTION_ID)),
      object: z.literal('balance_transaction'),
      created: integer().check(z.nonnegative()),
      amount: integer(),
      fee: integer(),
      net: integer(),
      currency: z.string().check(z.regex(/^[a-zA-Z]{3}$/)),
      exchange_rate: z.optional(z.nullable(z.number().check(z.positive()))),
      fee_details: z.optional(z.nullable(z.array(z.unknown()))),
      type: z.string().check(z.maxLength(100)),
      reporting_category: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
      source: z.optional(z.nullable(z.unknown())),
    })
    .check(
      z.refine((txn) => txn.net === txn.amount - txn.fee, {
        message: 'net is not amount minus fee; Stripe always sends net = amount - fee',
        path: ['net'],
      }),
    ),
);

export type BalanceTransactionReading =
  | { kind: 'recordable'; record: SettledRecord }
  /** Not about a payment (a payout, a transfer, a top-up): not recorded. */
  | { kind: 'other'; id: string }
  | { kind: 'invalid'; error: string };

type SourceKind = 'charge' | 'refund' | 'dispute' | 'other' | 'none';

interface SourceReading {
  kind: SourceKind;
  id: string;
  payment_intent: string;
  charge: string;
}

/** What the source is and which payment it names; an unexpanded id tells its kind by its prefix, and names no payment. */
function readSource(source: unknown): SourceReading {
  if (source === null || source === undefined) return { kind: 'none', id: '', payment_intent: '', charge: '' };
  if (typeof source === 'string') {
    const kind: SourceKind = CHARGE_ID.test(source)
      ? 'charge'
      : REFUND_ID.test(source)
        ? 'refund'
        : DISPUTE_ID.test(source)
          ? 'dispute'
          : 'other';
    return { kind, id: source.slice(0, 255), payment_intent: '', charge: kind === 'charge' ? source : '' };
  }
  if (typeof source !== 'object') return { kind: 'other', id: '', payment_intent: '', charge: '' };
  const object = source as Record<string, unknown>;
  const payment_intent = idOf(object.payment_intent, PAYMENT_INTENT_ID);
  switch (object.object) {
    case 'charge': {
      const id = idOf(object, CHARGE_ID);
      return { kind: 'charge', id, payment_intent, charge: id };
    }
    case 'refund':
      return { kind: 'refund', id: idOf(object, REFUND_ID), payment_intent, charge: idOf(object.charge, CHARGE_ID) };
    case 'dispute':
      return { kind: 'dispute', id: idOf(object, DISPUTE_ID), payment_intent, charge: idOf(object.charge, CHARGE_ID) };
    default:
      return { kind: 'other', id: typeof object.id === 'string' ? object.id.slice(0, 255) : '', payment_intent: '', charge: '' };
  }
}

function issueText(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (issue === undefined) return 'not a balance transaction';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * One listed balance transaction, read with the mode of the key that listed it (a balance
 * transaction has no `livemode` of its own). Recordable when it moved a payment's money (its
 * source is a charge, refund or dispute) or is Stripe's fees charged apart; anything else is not
 * about a sale.
 */
export function readBalanceTransaction(json: unknown, livemode: boolean): BalanceTransactionReading {
  const parsed = transactionSchema().safeParse(json);
  if (!parsed.success) {
    const id = (json as { id?: unknown } | null)?.id;
    return { kind: 'invalid', error: `${typeof id === 'string' ? `${id.slice(0, 40)}: ` : ''}${issueText(parsed.error.issues)}` };
  }
  const txn = parsed.data;
  const category = txn.reporting_category ?? '';
  const source = readSource(txn.source);
  const aboutPayment = source.kind === 'charge' || source.kind === 'refund' || source.kind === 'dispute';
  if (!aboutPayment && !(source.kind === 'none' && FEES_APART.has(category))) return { kind: 'other', id: txn.id };
  // A payment's transaction with no fee line says nothing about its fee (IC+): a refund's zero is a real zero.
  const feeUnread = category === 'charge' && txn.fee === 0 && (txn.fee_details ?? []).length === 0;
  return {
    kind: 'recordable',
    record: {
      balance_transaction: txn.id,
      type: txn.type,
      reporting_category: category,
      source: source.id,
      payment_intent: source.payment_intent,
      charge: source.charge,
      amount_minor: txn.amount,
      fee_minor: feeUnread ? null : txn.fee,
      net_minor: txn.net,
      currency: txn.currency.toLowerCase(),
      exchange_rate: txn.exchange_rate ?? null,
      livemode,
      created: txn.created,
    },
  };
}
