import fc from 'fast-check';
import { literalText } from '../../../src/core/helpers/literal-text';
import { RECONCILIATION_TAB } from '../../../src/core/ledger/declaration';
import {
  cellValue,
  COLUMN_FORMATS,
  locateColumns,
  RECONCILIATION_COLUMNS,
  storedRow,
  tabLayout,
  unixSecondsOf,
  type ColumnName,
} from '../../../src/core/ledger/reconciliation-columns';
import { supersedes, type SessionRecord } from '../../../src/core/ledger/reconciliation';

const CONTRACT_COLUMNS = [
  'session_id',
  'client_reference_id',
  'payment_status',
  'amount',
  'currency',
  'customer_email',
  'payment_link',
  'livemode',
  'created',
  'last_event',
];

const RECORD: SessionRecord = {
  session_id: 'cs_test_a1B2c3',
  client_reference_id: '=HYPERLINK("https://evil.example","refund")',
  payment_status: 'paid',
  amount: 19.99,
  amount_minor: 1999,
  currency: 'usd',
  customer_email: "+cmd|' /C calc'!A0",
  payment_link: 'plink_1abc',
  livemode: false,
  created: 1_721_948_530,
  last_event: 'evt_1Pgc76B7WZ01zgkWwyRHS12y',
  last_event_created: 1_721_948_600,
  payment_intent: 'pi_1abc',
  subscription: '',
  confirmed: 'not yet',
};

/** What Sheets keeps of a value written like typed input: a leading apostrophe only marks text. */
function asStored(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

describe('the Reconciliation tab', () => {
  it('is called Reconciliation and has the contract columns first, in order', () => {
    expect(RECONCILIATION_TAB.name).toBe('Reconciliation');
    expect(RECONCILIATION_COLUMNS.slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
    expect(new Set(RECONCILIATION_COLUMNS).size).toBe(RECONCILIATION_COLUMNS.length);
  });

  it('has a column for every record field', () => {
    expect([...RECONCILIATION_COLUMNS].sort()).toEqual(Object.keys(RECORD).sort());
  });

  it('leaves payload text columns unformatted and formats times as date-times', () => {
    // A Plain text (@) cell would keep the apostrophe that literalText puts in front.
    for (const name of [
      'session_id',
      'client_reference_id',
      'payment_status',
      'currency',
      'customer_email',
      'payment_link',
      'last_event',
    ] as const) {
      expect(COLUMN_FORMATS[name]).toBeUndefined();
    }
    expect(COLUMN_FORMATS.created).toMatch(/yyyy.*hh:mm/);
    expect(COLUMN_FORMATS.last_event_created).toMatch(/yyyy.*hh:mm/);
    expect(COLUMN_FORMATS.amount).not.toBe('@');
  });
});

describe('locateColumns', () => {
  it('finds the columns by header name, 1-based, wherever the user moved them', () => {
    const header = [
      'Notes',
      'last_event',
      ' session_id ',
      'amount',
      42,
      null,
      'currency',
      'payment_status',
      'Campaign',
      'livemode',
      'created',
      'customer_email',
      'payment_link',
      'client_reference_id',
      'amount_minor',
      'last_event_created',
      'payment_intent',
      'subscription',
      'Confirmed',
    ];
    const { columns, missing } = locateColumns(header);
    expect(missing).toEqual([]);
    expect(columns).toEqual({
      last_event: 2,
      payment_intent: 17,
      subscription: 18,
      session_id: 3,
      amount: 4,
      currency: 7,
      payment_status: 8,
      livemode: 10,
      created: 11,
      customer_email: 12,
      payment_link: 13,
      client_reference_id: 14,
      amount_minor: 15,
      last_event_created: 16,
      confirmed: 19,
    });
  });

  it('takes the first of two columns with the same header, and says which repeat', () => {
    const reading = locateColumns(['session_id', 'amount', 'Session ID']);
    expect(reading.columns).toEqual({ session_id: 1, amount: 2 });
    expect(reading.repeated).toEqual({ session_id: [1, 3] });
  });

  it('matches headers as people write them: any case, spaces, _ or -', () => {
    const { columns, missing } = locateColumns([
      'Amount',
      'Session ID',
      'client-reference-id',
      ' LAST_EVENT ',
      'Payment status',
      'amount minor',
    ]);
    expect(columns).toEqual({ amount: 1, session_id: 2, client_reference_id: 3, last_event: 4, payment_status: 5, amount_minor: 6 });
    expect(missing).toEqual(RECONCILIATION_COLUMNS.filter((name) => columns[name] === undefined));
  });

  it('finds nothing in an empty header row, and ignores inherited property names', () => {
    expect(locateColumns([])).toEqual({ columns: {}, missing: [...RECONCILIATION_COLUMNS], repeated: {} });
    expect(locateColumns(['constructor', 'toString', '__proto__'])).toEqual({
      columns: {},
      missing: [...RECONCILIATION_COLUMNS],
      repeated: {},
    });
  });
});

describe('tabLayout', () => {
  const never = () => {
    throw new Error('a tab with a session_id header is not asked for its rows');
  };

  it('is ready with exactly one session_id column, and names the missing ones', () => {
    expect(tabLayout(['Session ID', 'amount'], never, 'Reconciliation')).toMatchObject({
      kind: 'ready',
      columns: { session_id: 1, amount: 2 },
    });
  });

  it('is empty when the tab holds nothing: the add-on may lay it out', () => {
    expect(tabLayout([''], () => 0, 'Reconciliation')).toEqual({ kind: 'empty' });
  });

  it.each([
    [
      'a deleted header row (a sale in row 1)',
      ['cs_test_a1', 'row-1', 'paid'],
      3,
      /header row is missing \(row 1 has no session_id header\)/,
    ],
    ['a row inserted above the header', ['', '', ''], 4, /header row is missing \(row 1 is empty\)/],
    ['two session_id columns', ['session_id', 'x', 'SESSION_ID'], 4, /2 columns headed session_id \(A, C\)/],
  ])('refuses %s, saying what to do', (_, header, rows, error) => {
    const layout = tabLayout(header, () => rows, 'Reconciliation');
    expect(layout).toEqual({ kind: 'unreadable', error: expect.stringMatching(error) });
  });
});

describe('literalText', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['00123', "'00123"],
    ['2024-06-20', "'2024-06-20"],
    ['TRUE', "'TRUE"],
    ["'quoted", "''quoted"],
    ['plain', "'plain"],
  ])('writes %j as text', (text, written) => {
    expect(literalText(text)).toBe(written);
  });

  it('writes nothing for nothing', () => {
    expect(literalText('')).toBe('');
  });

  it('keeps any text whole after the apostrophe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (text) => {
        const written = literalText(text);
        expect(written.startsWith("'")).toBe(true);
        expect(written.slice(1)).toBe(text);
      }),
    );
  });
});

describe('cellValue', () => {
  it('writes every text column as literal text', () => {
    expect(cellValue(RECORD, 'client_reference_id')).toBe(`'${RECORD.client_reference_id}`);
    expect(cellValue(RECORD, 'customer_email')).toBe(`'${RECORD.customer_email}`);
    expect(cellValue(RECORD, 'session_id')).toBe("'cs_test_a1B2c3");
    expect(cellValue(RECORD, 'payment_status')).toBe("'paid");
    expect(cellValue(RECORD, 'currency')).toBe("'usd");
    expect(cellValue(RECORD, 'payment_link')).toBe("'plink_1abc");
    expect(cellValue(RECORD, 'last_event')).toBe("'evt_1Pgc76B7WZ01zgkWwyRHS12y");
  });

  it('writes numbers and booleans as themselves', () => {
    expect(cellValue(RECORD, 'amount')).toBe(19.99);
    expect(cellValue(RECORD, 'amount_minor')).toBe(1999);
    expect(cellValue(RECORD, 'livemode')).toBe(false);
    expect(cellValue({ ...RECORD, livemode: true }, 'livemode')).toBe(true);
    expect(cellValue({ ...RECORD, amount: 0, amount_minor: 0 }, 'amount')).toBe(0);
  });

  it('writes text literally into a Plain text cell: no apostrophe, since nothing there is parsed', () => {
    expect(cellValue(RECORD, 'session_id', '@')).toBe('cs_test_a1B2c3');
    expect(cellValue(RECORD, 'customer_email', '@')).toBe(RECORD.customer_email);
    expect(cellValue(RECORD, 'amount', '@')).toBe(19.99);
  });

  it('writes times as Dates of the same second', () => {
    const created = cellValue(RECORD, 'created');
    expect(created).toBeInstanceOf(Date);
    expect((created as Date).toISOString()).toBe('2024-07-25T23:02:10.000Z');
    expect((cellValue(RECORD, 'last_event_created') as Date).getTime()).toBe(RECORD.last_event_created * 1000);
  });

  it('writes blanks for what Stripe did not send', () => {
    const blank: SessionRecord = {
      ...RECORD,
      amount: null,
      amount_minor: null,
      client_reference_id: '',
      customer_email: '',
      payment_link: '',
      currency: '',
    };
    for (const name of ['amount', 'amount_minor', 'client_reference_id', 'customer_email', 'payment_link', 'currency'] as const) {
      expect(cellValue(blank, name)).toBe('');
    }
  });
});

describe('storedRow', () => {
  /** A row as Sheets gives it back: the user's columns around ours, apostrophes gone, times as Dates. */
  function sheetRow(record: SessionRecord, header: readonly unknown[]) {
    const { columns } = locateColumns(header);
    const row = header.map((_, index) => {
      const name = (Object.keys(columns) as ColumnName[]).find((key) => columns[key] === index + 1);
      return name === undefined ? 'user data' : asStored(cellValue(record, name));
    });
    return { row, columns };
  }

  it('reads back the version a written record showed, so its repeat changes nothing', () => {
    const header = ['Notes', ...[...RECONCILIATION_COLUMNS].reverse(), 'More notes'];
    const { row, columns } = sheetRow(RECORD, header);
    const stored = storedRow(row, columns);
    expect(stored).toEqual({
      sessionId: RECORD.session_id,
      version: { payment_status: 'paid', last_event: RECORD.last_event, last_event_created: RECORD.last_event_created },
    });
    expect(supersedes(RECORD, stored.version)).toBe(false);
  });

  it('reads a row that starts at firstColumn', () => {
    const header = ['A', 'B', ...RECONCILIATION_COLUMNS];
    const { row, columns } = sheetRow(RECORD, header);
    expect(storedRow(row.slice(2), columns, 3)).toEqual(storedRow(row, columns, 1));
  });

  it('reads ids and statuses a Plain text cell kept an apostrophe in front of', () => {
    const { columns } = locateColumns(RECONCILIATION_COLUMNS);
    const row: unknown[] = RECONCILIATION_COLUMNS.map((name) =>
      name === 'last_event_created' ? new Date(RECORD.last_event_created * 1000) : `'${String(RECORD[name])}`,
    );
    expect(storedRow(row, columns)).toEqual({
      sessionId: RECORD.session_id,
      version: { payment_status: 'paid', last_event: RECORD.last_event, last_event_created: RECORD.last_event_created },
    });
  });

  it('reads blanks when our columns are missing, and a status someone typed over as unpaid', () => {
    expect(storedRow(['x', 'y'], {})).toEqual({
      sessionId: '',
      version: { payment_status: 'unpaid', last_event: '', last_event_created: 0 },
    });
    const { columns } = locateColumns(['session_id', 'payment_status']);
    expect(storedRow([12345, 'PAID?'], columns)).toEqual({
      sessionId: '12345',
      version: { payment_status: 'unpaid', last_event: '', last_event_created: 0 },
    });
  });
});

describe('unixSecondsOf', () => {
  it('reads a Date, Unix seconds, seconds typed as text, and the day number of a date column formatted as a number', () => {
    expect(unixSecondsOf(new Date(1_721_948_600_400))).toBe(1_721_948_600);
    expect(unixSecondsOf(1_721_948_600)).toBe(1_721_948_600);
    expect(unixSecondsOf('1721948600')).toBe(1_721_948_600);
    // 2024-07-25 23:03:20 UTC as Sheets counts days from 1899-12-30.
    expect(unixSecondsOf(45_498.960_648_148_15)).toBe(1_721_948_600);
  });

  it('reads 0 for anything else', () => {
    for (const value of ['not a time', '', null, undefined, new Date(Number.NaN), -5, true]) expect(unixSecondsOf(value)).toBe(0);
  });
});
