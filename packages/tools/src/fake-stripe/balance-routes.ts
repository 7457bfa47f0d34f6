/**
 * GET /v1/balance_transactions and /v1/balance_transactions/{id}, as Stripe answers them: newest
 * first, paged with `limit` and `starting_after`, filtered by `created[gte|gt|lte|lt]`, `type`,
 * `source` and `currency`, and with `expand[]=data.source` (`expand[]=source` for one) each
 * transaction's charge, refund or dispute in place of its id, rendered at the request's
 * Stripe-Version (a charge names its `payment_intent`, a refund its `charge` and `payment_intent`,
 * a dispute its `charge` and `payment_intent`). Only what is made by now is served: a charge's
 * transaction after its delay, and on IC+ the days' fees. `ending_before`, `payout` and other
 * expansions are refused, as the add-on does not use them.
 */

import { renderObject } from './api-versions';
import { renderBalanceTransaction, TRANSACTION_TYPES, withStatus } from './balance-transactions';
import type { Balance } from './balance';
import { invalid, noSuch } from './http';
import { isOldApiVersion } from './api-versions';
import type { JsonObject, StripeList } from './objects';
import { allowParams, arrayParam, createdFilter, CREATED_BOUNDS, paginate, single, type Query } from './paging';
import type { Payments } from './payments';
import type { FakeStripeStore, Stored } from './store';

export class BalanceRoutes {
  constructor(
    private readonly store: FakeStripeStore,
    private readonly payments: Payments,
    private readonly balance: Balance,
  ) {}

  respond(id: string | undefined, query: Query, livemode: boolean, version: string): JsonObject | StripeList<JsonObject> {
    // Every paid session has its charge in Stripe; the fake makes the ones not needed until now.
    this.payments.settleSessions();
    const visible = this.balance.visible(livemode);
    if (id !== undefined) return this.retrieve(id, visible, query, livemode, version);
    return this.list(visible, query, version);
  }

  private retrieve(id: string, visible: Stored<JsonObject>[], query: Query, livemode: boolean, version: string): JsonObject {
    allowParams(query, []);
    const expandSource = this.expansion(query, 'source');
    const found = visible.find((stored) => stored.object['id'] === id);
    if (!found) {
      const other = this.balance.visible(!livemode).some((stored) => stored.object['id'] === id);
      throw noSuch('balance_transaction', id, 'id', other ? !livemode : undefined);
    }
    return this.render(found, version, expandSource);
  }

  private list(visible: Stored<JsonObject>[], query: Query, version: string): StripeList<JsonObject> {
    allowParams(query, ['limit', 'starting_after', 'created', 'type', 'source', 'currency'], CREATED_BOUNDS);
    const expandSource = this.expansion(query, 'data.source');
    const type = single(query, 'type');
    if (type !== undefined && !(TRANSACTION_TYPES as readonly string[]).includes(type)) {
      throw invalid(`Invalid type: must be one of ${TRANSACTION_TYPES.join(', ')}`, 'type');
    }
    const source = single(query, 'source');
    const currency = single(query, 'currency')?.toLowerCase();
    const created = createdFilter(query);
    const matches = (stored: Stored<JsonObject>): boolean =>
      created(stored.created) &&
      (type === undefined || stored.object['type'] === type) &&
      (source === undefined || stored.object['source'] === source) &&
      (currency === undefined || stored.object['currency'] === currency);
    return paginate('/v1/balance_transactions', 'balance_transaction', visible.filter(matches), visible, query, (stored) =>
      this.render(stored, version, expandSource),
    );
  }

  /** Whether `expand[]` asks for the source (`path`); any other expansion is refused. */
  private expansion(query: Query, path: string): boolean {
    const asked = arrayParam(query, 'expand') ?? [];
    for (const value of asked) {
      if (value !== path) throw invalid(`This property cannot be expanded (${value}). FakeStripeApi expands only ${path} here.`, 'expand');
    }
    return asked.length > 0;
  }

  private render(stored: Stored<JsonObject>, version: string, expandSource: boolean): JsonObject {
    const transaction = withStatus(renderBalanceTransaction(stored.object, isOldApiVersion(version)), this.store.now());
    const source = transaction['source'];
    if (!expandSource || typeof source !== 'string') return transaction;
    const object = this.store.objects.get(source)?.object;
    return { ...transaction, source: object === undefined ? source : renderObject(object, version, this.store) };
  }
}
