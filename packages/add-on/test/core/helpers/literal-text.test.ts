import fc from 'fast-check';
import { headerKey } from '../../../src/core/helpers/header-names';
import { isPlainTextFormat, literalText, textOfCell } from '../../../src/core/helpers/literal-text';
import { ownTabRefusal } from '../../../src/core/ledger/own-tabs';

describe('literalText in a Plain text cell', () => {
  it('writes the text as it is: a Plain text cell parses nothing and would keep an apostrophe', () => {
    expect(literalText('=1+1', '@')).toBe('=1+1');
    expect(literalText('00123', '@')).toBe('00123');
    expect(isPlainTextFormat('@')).toBe(true);
    expect(isPlainTextFormat('0.00')).toBe(false);
  });

  it('round-trips any text through either kind of cell', () => {
    // What the cell holds: Plain text keeps what it is given; otherwise a leading apostrophe marks text.
    const stored = (written: string, format: string) => (format === '@' || !written.startsWith("'") ? written : written.slice(1));
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('', '@', '0.00', 'yyyy-mm-dd'), (text, format) => {
        expect(stored(literalText(text, format), format)).toBe(text);
      }),
    );
  });
});

describe('textOfCell', () => {
  it('reads text, drops an apostrophe a Plain text cell kept, and reads numbers as their digits', () => {
    expect(textOfCell('cs_test_1')).toBe('cs_test_1');
    expect(textOfCell("'cs_test_1")).toBe('cs_test_1');
    expect(textOfCell(2024)).toBe('2024');
    expect(textOfCell(new Date())).toBe('');
    expect(textOfCell(null)).toBe('');
  });
});

describe('headerKey', () => {
  it('ignores case, spaces, _ and -', () => {
    const keys = ['session_id', 'Session ID', 'Session id', 'SESSION-ID', ' session_Id '].map(headerKey);
    expect(new Set(keys)).toEqual(new Set(['sessionid']));
    expect(headerKey(42)).toBe('');
  });
});

describe("the add-on's own tabs", () => {
  it('are refused with the tab named and where to go instead', () => {
    expect(ownTabRefusal('Reconciliation', 'Tag selected rows')).toMatch(
      /"Reconciliation" is the add-on's own tab: nothing was written.*links tab/,
    );
  });
});
