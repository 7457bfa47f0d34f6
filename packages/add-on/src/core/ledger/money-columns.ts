/**
 * The Money after sale tab as a record table (record-table.ts): one row per refunded charge,
 * dispute or paid invoice, keyed by the object's id, each row the newest state of its object.
 */

import { textOfCell } from '../helpers/literal-text';
import { MONEY_TAB } from './declaration';
import { moneySupersedes, type MoneyRecord } from './money';
import { toMajorUnits } from '../stripe/currency';
import { cellOfField, recordColumns, type RecordTable, storedInteger, storedRows, unixSecondsOf } from './record-table';

const TIME_COLUMNS: ReadonlySet<string> = new Set(['created', 'last_event_created']);

export const MONEY_TABLE: RecordTable<MoneyRecord> = {
  tab: MONEY_TAB,
  key: 'object_id',
  columns: recordColumns(MONEY_TAB),
  // Which session a row counts against reads best beside what it is.
  initialHeaders: MONEY_TAB.columns.map((column) => column.name),
  keyOf: (record) => record.object_id,
  cellOf: (record, column, numberFormat) => cellOfField(record[column as keyof MoneyRecord], TIME_COLUMNS.has(column), numberFormat),
  replaces: (record, stored) =>
    moneySupersedes(record, {
      state: textOfCell(stored('state')),
      amount_minor: storedInteger(stored('amount_minor')),
      last_event: textOfCell(stored('last_event')),
      last_event_created: unixSecondsOf(stored('last_event_created')),
    }),
};

const KINDS: ReadonlySet<string> = new Set(['refund', 'dispute', 'invoice']);

/**
 * The records of a Money after sale tab (header in row 1), each with its 1-based row. A row a
 * person emptied or typed over (no Stripe id, an unknown kind) is skipped: it counts for nothing.
 */
export function moneyRecordsFromTab(values: readonly (readonly unknown[])[]): Array<{ record: MoneyRecord; row: number }> {
  const records: Array<{ record: MoneyRecord; row: number }> = [];
  for (const { row, at, text } of storedRows(values, MONEY_TABLE.columns)) {
    const object_id = text('object_id');
    const kind = text('kind');
    if (object_id === '' || !KINDS.has(kind)) continue;
    const currency = text('currency').toLowerCase();
    const amount_minor = storedInteger(at('amount_minor'));
    records.push({
      row,
      record: {
        object_id,
        kind: kind as MoneyRecord['kind'],
        state: text('state'),
        amount: toMajorUnits(amount_minor, currency),
        amount_minor,
        currency,
        payment_intent: text('payment_intent'),
        charge: text('charge'),
        subscription: text('subscription'),
        livemode: at('livemode') === true || text('livemode').toUpperCase() === 'TRUE',
        created: unixSecondsOf(at('created')),
        last_event: text('last_event'),
        last_event_created: unixSecondsOf(at('last_event_created')),
      },
    });
  }
  return records;
}
