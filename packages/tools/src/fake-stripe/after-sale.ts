/**
 * Money after the sale, with the events Stripe sends for it, in Stripe's order:
 * - a refund (full by default, partial with `amount`, several per charge): `charge.refunded` (the
 *   charge, with the running `amount_refunded` and `refunded` once it is all given back), then
 *   `refund.created` (the refund); later, when the card network's reference arrives,
 *   `charge.refund.updated` and `refund.updated` (the refund, with `previous_attributes`);
 * - a dispute: `charge.dispute.created`, then for a chargeback `charge.dispute.funds_withdrawn`;
 *   evidence makes `charge.dispute.updated` (status `under_review`); closing it makes
 *   `charge.dispute.closed` (`won` or `lost`; an inquiry's `warning_closed`), and a won chargeback
 *   `charge.dispute.funds_reinstated`;
 * - a subscription's renewal: `invoice.paid` (`billing_reason: subscription_cycle`).
 * Each movement of money has its balance transaction (balance.ts), listed on the dispute for a chargeback.
 * Events are made at the account's API version unless `apiVersion` says otherwise (an endpoint
 * pinned to another version). Only the event types the add-on reads or acknowledges are made:
 * Stripe's others (`charge.updated`, `payment_intent.*`, `invoice.payment_succeeded`, ...) are not.
 * What Stripe would refuse (refunding more than is left, a disputed charge) throws.
 */

import type { Balance } from './balance';
import type { Billing } from './billing';
import { disputeObject, type DisputeReason } from './disputes';
import type { JsonObject, StripeEvent } from './objects';
import type { Payments } from './payments';
import { refundObject, refundReferenceAvailable } from './refunds';
import type { FakeStripeStore } from './store';

export interface MoneyEventOptions {
  /** When it happens; default now. */
  created?: number;
  /** Make the events at this API version (default the account's). */
  apiVersion?: string;
}
export interface RefundOptions extends MoneyEventOptions {
  /** In the charge's minor unit; default all that is left to refund. */
  amount?: number;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
}
export interface DisputeOptions extends MoneyEventOptions {
  /** Default what is left of the charge after its refunds. */
  amount?: number;
  reason?: DisputeReason;
  /** An inquiry (a retrieval request): takes no money, ends `warning_closed`. */
  inquiry?: boolean;
}
export interface MoneyResult {
  /** The refund, dispute or invoice as it now is. */
  object: JsonObject;
  /** The events made, oldest first. */
  events: StripeEvent[];
}

/** A 23-digit acquirer reference number, as card networks give a refund. */
function acquirerReference(id: string): string {
  let digits = '';
  for (const char of id) digits += String(char.charCodeAt(0) % 10);
  return `7${digits.slice(-22).padStart(22, '0')}`;
}

export class AfterSale {
  constructor(
    private readonly store: FakeStripeStore,
    private readonly payments: Payments,
    private readonly billing: Billing,
    private readonly balance: Balance,
  ) {}

  /** Refund the charge `target` names (a `ch_`, `pi_`, `cs_` or `in_` id). */
  readonly refund = (target: string, options: RefundOptions = {}): MoneyResult & { charge: JsonObject } => {
    const charge = this.payments.charge(target);
    const chargeId = String(charge['id']);
    const total = Number(charge['amount']);
    const before = Number(charge['amount_refunded']);
    const left = total - before;
    const amount = options.amount ?? left;
    if (left === 0) throw new Error(`FakeStripeApi: Charge ${chargeId} has already been refunded.`);
    if (!Number.isInteger(amount) || amount <= 0) throw new Error(`FakeStripeApi: Invalid positive integer: ${String(amount)}`);
    if (amount > left) {
      throw new Error(`FakeStripeApi: Refund amount (${String(amount)}) is greater than unrefunded amount on charge (${String(left)})`);
    }
    // A chargeback not won leaves nothing to refund: Stripe refuses.
    const chargedBack = this.store.objectsOf('dispute').some((stored) => {
      const status = String(stored.object['status']);
      return stored.object['charge'] === chargeId && !status.startsWith('warning_') && status !== 'won';
    });
    if (chargedBack) throw new Error(`FakeStripeApi: Charge ${chargeId} has been charged back; cannot issue a refund.`);
    const created = options.created ?? this.store.now();
    const details = charge['payment_method_details'] as JsonObject;
    const refund = this.store.addObject(
      refundObject({
        id: this.store.newObjectId('re'),
        created,
        amount,
        currency: String(charge['currency']),
        charge: chargeId,
        paymentIntent: typeof charge['payment_intent'] === 'string' ? charge['payment_intent'] : null,
        balanceTransaction: this.store.newObjectId('txn'),
        customer: typeof charge['customer'] === 'string' ? charge['customer'] : null,
        paymentMethod: typeof charge['payment_method'] === 'string' ? charge['payment_method'] : null,
        reason: options.reason ?? 'requested_by_customer',
        methodType: String(details['type']),
      }),
    );
    this.balance.recordRefund(refund, charge);
    const updated = this.store.updateObject(chargeId, { amount_refunded: before + amount, refunded: before + amount === total });
    const events = [this.event('charge.refunded', updated, options, created), this.event('refund.created', refund, options, created)];
    return { object: refund, charge: updated, events };
  };

  /** The card network's reference (ARN) for a refund arrives: `charge.refund.updated` and `refund.updated`. */
  readonly updateRefund = (refundId: string, options: MoneyEventOptions = {}): MoneyResult => {
    const refund = this.stored(refundId, 'refund');
    const created = options.created ?? this.store.now();
    const previous = { destination_details: { card: { reference: null, reference_status: 'pending' } } };
    const updated = this.store.updateObject(refundId, refundReferenceAvailable(acquirerReference(String(refund['id']))));
    const events = [
      this.event('charge.refund.updated', updated, options, created, previous),
      this.event('refund.updated', updated, options, created, previous),
    ];
    return { object: updated, events };
  };

  /** Open a dispute on the charge `target` names: `charge.dispute.created` (and `funds_withdrawn` for a chargeback). */
  readonly dispute = (target: string, options: DisputeOptions = {}): MoneyResult => {
    const charge = this.payments.charge(target);
    const chargeId = String(charge['id']);
    const left = Number(charge['amount']) - Number(charge['amount_refunded']);
    const amount = options.amount ?? left;
    if (!Number.isInteger(amount) || amount <= 0 || amount > Number(charge['amount'])) {
      throw new Error(
        `FakeStripeApi: a dispute of ${String(amount)} cannot be opened on charge ${chargeId} of ${String(charge['amount'])}`,
      );
    }
    const created = options.created ?? this.store.now();
    const inquiry = options.inquiry ?? false;
    const dispute = this.store.addObject(
      disputeObject({
        id: this.store.newObjectId('dp'),
        created,
        livemode: charge['livemode'] === true,
        amount,
        currency: String(charge['currency']),
        charge: chargeId,
        paymentIntent: typeof charge['payment_intent'] === 'string' ? charge['payment_intent'] : null,
        reason: options.reason ?? (inquiry ? 'general' : 'fraudulent'),
        inquiry,
      }),
    );
    this.store.updateObject(chargeId, { disputed: true });
    const events = [this.event('charge.dispute.created', dispute, options, created)];
    if (!inquiry)
      events.push(this.event('charge.dispute.funds_withdrawn', this.moveFunds(dispute, 'withdrawn', created), options, created));
    return { object: this.stored(String(dispute['id']), 'dispute'), events };
  };

  /** Evidence is submitted: `charge.dispute.updated`, the dispute `under_review` (an inquiry's `warning_under_review`). */
  readonly submitEvidence = (disputeId: string, options: MoneyEventOptions = {}): MoneyResult => {
    const dispute = this.stored(disputeId, 'dispute');
    const status = String(dispute['status']);
    if (status !== 'needs_response' && status !== 'warning_needs_response') {
      throw new Error(`FakeStripeApi: dispute ${disputeId} is ${status}: it takes no evidence`);
    }
    const created = options.created ?? this.store.now();
    const text = 'The order was delivered; tracking and the signed receipt are attached.';
    const updated = this.store.updateObject(disputeId, {
      evidence: { uncategorized_text: text },
      evidence_details: { has_evidence: true, submission_count: 1 },
      status: status === 'needs_response' ? 'under_review' : 'warning_under_review',
    });
    const previous = { evidence: { uncategorized_text: null }, evidence_details: { has_evidence: false, submission_count: 0 }, status };
    return { object: updated, events: [this.event('charge.dispute.updated', updated, options, created, previous)] };
  };

  /** The dispute closes: `charge.dispute.closed`, and for a won chargeback `charge.dispute.funds_reinstated`. */
  readonly closeDispute = (disputeId: string, outcome: 'won' | 'lost' | 'warning_closed', options: MoneyEventOptions = {}): MoneyResult => {
    const dispute = this.stored(disputeId, 'dispute');
    const inquiry = String(dispute['status']).startsWith('warning_');
    if (inquiry !== (outcome === 'warning_closed')) {
      throw new Error(`FakeStripeApi: ${inquiry ? 'an inquiry closes warning_closed' : 'a chargeback closes won or lost'}, not ${outcome}`);
    }
    if (['won', 'lost', 'warning_closed'].includes(String(dispute['status'])))
      throw new Error(`FakeStripeApi: dispute ${disputeId} is closed`);
    const created = options.created ?? this.store.now();
    const closed = this.store.updateObject(disputeId, { status: outcome, is_charge_refundable: false });
    const events = [this.event('charge.dispute.closed', closed, options, created)];
    if (outcome === 'won')
      events.push(this.event('charge.dispute.funds_reinstated', this.moveFunds(closed, 'reinstated', created), options, created));
    return { object: this.stored(disputeId, 'dispute'), events };
  };

  /** The subscription's next period is paid: `invoice.paid` with `billing_reason: subscription_cycle`
   *  (default at the period's start, a calendar month after the previous one). */
  readonly renew = (subscriptionId: string, options: MoneyEventOptions = {}): MoneyResult => {
    const created = options.created ?? this.billing.nextPeriodStart(subscriptionId);
    const invoice = this.billing.payNextInvoice(subscriptionId, created);
    return { object: invoice, events: [this.event('invoice.paid', invoice, options, created)] };
  };

  private moveFunds(dispute: JsonObject, movement: 'withdrawn' | 'reinstated', created: number): JsonObject {
    const transaction = this.balance.recordDispute(this.store.newObjectId('txn'), dispute, movement, created);
    const listed = Array.isArray(dispute['balance_transactions']) ? (dispute['balance_transactions'] as unknown[]) : [];
    return this.store.updateObject(String(dispute['id']), { balance_transactions: [...listed, transaction] });
  }

  private stored(id: string, kind: 'refund' | 'dispute'): JsonObject {
    const object = this.store.getObject(id, kind);
    if (!object) throw new Error(`FakeStripeApi: no ${kind} ${id}`);
    return object;
  }

  private event(type: string, object: JsonObject, options: MoneyEventOptions, created: number, previous?: JsonObject): StripeEvent {
    return this.store.addEvent(type, object, { created, apiVersion: options.apiVersion, previousAttributes: previous });
  }
}
