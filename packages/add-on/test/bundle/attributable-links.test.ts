/**
 * Issue 17, item 1, run from the built bundle: every link the add-on writes carries a reference
 * unique in the spreadsheet (Insert into active row makes one as Tag selected rows does), and a
 * link written with a reference another row already has is flagged where it is written. Also the
 * references' numbers (no gaps within one run) and the advice of the shared-reference note.
 */
import type { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { FORM, insert, LINK, linkRow, tag, workbook } from './link-workbook';

/** The prompt of the last alert the last run showed. */
function lastAlert(app: LocalAddOn): string {
  const alert = app.last?.services.ui.log.filter((entry) => entry.kind === 'alert').at(-1);
  return alert !== undefined && 'prompt' in alert ? alert.prompt : '';
}

/** Row 8: a link row with its link and UTM values, and no reference. */
function withNewRow(app: LocalAddOn, campaign = 'spring_sale'): void {
  app.workbook.write('Links', [[LINK, 'tiktok', 'paid_social', campaign, '', '', '']], 'A8');
}

describe('Insert into active row: every link carries its own reference', () => {
  it('gives a row without a reference a fresh one, written into its reference cell and carried by the link', () => {
    const app = workbook();
    withNewRow(app);
    app.workbook.setSelection('Links', 'C8');
    const result = insert(app, { fields: { ...FORM, utm_source: '', utm_medium: '', utm_campaign: '' } });
    expect(result).toMatchObject({ status: 'written', row: 8, reference: 'spring_sale-1', referenceAdded: true, referenceWarnings: [] });
    expect(linkRow(app, 8)).toMatchObject({
      client_reference_id: 'spring_sale-1',
      tagged_link: `${LINK}?utm_source=tiktok&utm_medium=paid_social&utm_campaign=spring_sale&client_reference_id=spring_sale-1`,
    });
    // A second row of the same campaign gets the next number, never one in use.
    app.workbook.write('Links', [[LINK, 'tiktok', 'paid_social', 'spring_sale', '', 'story', '']], 'A9');
    app.workbook.setSelection('Links', 'C9');
    expect(insert(app, { fields: { ...FORM, utm_source: '', utm_medium: '', utm_campaign: '' } })).toMatchObject({
      reference: 'spring_sale-2',
    });
  });

  it("keeps the row's own reference and says it made none", () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'C3');
    expect(insert(app, { fields: FORM })).toMatchObject({
      status: 'written',
      reference: 'fb-0002',
      referenceAdded: false,
      referenceWarnings: [],
    });
  });

  it('adds the reference column to a tab that has none, after its last column, as Tag selected rows does', () => {
    const app = workbook();
    app.workbook.write('Ads', [
      ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'notes'],
      [LINK, 'google', 'cpc', 'Winter Deals 2024'.replace(/ /g, '_'), 'brief'],
    ]);
    app.workbook.setSelection('Ads', 'B2');
    const result = insert(app, { fields: { ...FORM, utm_source: '', utm_medium: '', utm_campaign: '' } });
    expect(result).toMatchObject({ status: 'written', reference: 'winter_deals_2024-1', referenceAdded: true });
    const values = app.workbook.sheet('Ads').values();
    expect(values[0]?.slice(5)).toEqual(['client_reference_id', 'tagged_link']);
    expect(values[1]?.slice(4)).toEqual([
      'brief',
      'winter_deals_2024-1',
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=Winter_Deals_2024&client_reference_id=winter_deals_2024-1`,
    ]);
  });

  it('flags a typed reference that another row already has, naming the row and saying how to fix it', () => {
    const app = workbook();
    withNewRow(app);
    app.workbook.setSelection('Links', 'C8');
    const result = insert(app, { fields: { ...FORM, utm_source: '', utm_medium: '', utm_campaign: '', client_reference_id: 'fb-0002' } });
    expect(result).toMatchObject({ status: 'written', reference: 'fb-0002', referenceAdded: false });
    const warnings = result.status === 'written' ? result.referenceWarnings : [];
    expect(warnings).toEqual([
      expect.objectContaining({ field: 'client_reference_id', kind: 'duplicate_reference', value: 'fb-0002', rows: ['Links row 3'] }),
    ]);
    expect(warnings[0]?.message).toMatch(/"fb-0002" is also on Links row 3/);
    expect(warnings[0]?.message).toMatch(/clear it .* then run Add references/);
  });
});

describe('Tag selected rows: references', () => {
  it('flags a typed reference that lands on several rows, and one another row already has', () => {
    const app = workbook();
    withNewRow(app);
    app.workbook.write('Links', [[LINK, 'tiktok', 'paid_social', 'spring_sale', '', 'story', '']], 'A9');
    app.workbook.setSelection('Links', 'A8:A9');
    const result = tag(app, { typed: { client_reference_id: 'fb-0002' } });
    expect(result).toMatchObject({ status: 'written', tagged: 2 });
    const warnings = result.status === 'written' ? result.referenceWarnings : [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^client_reference_id "fb-0002" is on 3 rows \(Links row 3, Links row 8 and Links row 9\)/);
  });

  it('numbers references from 1 with no gaps: a row that could not be tagged uses up no number', () => {
    const app = workbook();
    app.workbook.write(
      'Links',
      [
        [LINK, 'tiktok', 'paid social', 'summer_sale', '', '', ''],
        [LINK, 'tiktok', 'paid_social', 'summer_sale', '', '', ''],
        [LINK, 'tiktok', 'paid_social', 'summer_sale', '', 'b', ''],
      ],
      'A8',
    );
    app.workbook.setSelection('Links', 'A8:A10');
    expect(tag(app, { typed: {} })).toMatchObject({ status: 'written', tagged: 2 });
    expect([8, 9, 10].map((row) => linkRow(app, row).client_reference_id)).toEqual(['', 'summer_sale-1', 'summer_sale-2']);
  });
});

describe('the shared-reference note', () => {
  it('gives advice Add references can follow: it never replaces a typed reference', () => {
    const app = workbook();
    withNewRow(app);
    app.workbook.write('Links', [['fb-0002']], 'G8');
    app.workbook.setSelection('Links', 'G8');
    app.menu('checkSelectedCells');
    const note = String(app.workbook.sheet('Links').cell(8, 7)?.note);
    expect(note).toMatch(/Links row 3, Links row 8/);
    expect(note).not.toMatch(/Give each row its own reference \(Add references\)/);
    expect(note).toMatch(/Keep it on one row, clear it on the others, then run Add references/);
  });
});

describe('Add references over many rows', () => {
  it('says where in a few ranges and "and N more", not every range, and counts in words that agree', () => {
    const app = workbook();
    // 240 rows, every other one a link row without a reference: 120 ranges of one row.
    const rows = Array.from({ length: 240 }, (_, i) => (i % 2 === 0 ? [LINK, 'tiktok', 'paid_social', 'bulk', '', '', ''] : ['note']));
    app.workbook.write('Links', rows, 'A8');
    app.menu('addReferences');
    const prompt = lastAlert(app);
    expect(prompt).toMatch(/^Added 121 references: Links \(rows 4, 8, 10, 12, 14 and 116 more\)\./);
    expect(prompt.length).toBeLessThan(400);
    expect(linkRow(app, 8).client_reference_id).toBe('bulk-1');
    expect(linkRow(app, 246).client_reference_id).toBe('bulk-120');

    const one = workbook();
    one.menu('addReferences');
    expect(lastAlert(one)).toMatch(/^Added 1 reference: Links \(row 4\)\./);
  });
});
