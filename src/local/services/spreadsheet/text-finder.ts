/**
 * TextFinder (from Spreadsheet, Sheet or Range createTextFinder): finds cells by their display value
 * or formula, with matchCase, matchEntireCell, useRegularExpression and matchFormulaText, stepping
 * with findNext / findPrevious from a cursor (or startFrom), or all at once.
 */
import type { SheetData } from '../sheet-data';
import type { Workbook } from '../workbook';
import { forEachStoredCell, type Area } from './areas';
import { displayValue } from './display-value';
import { areaOf } from './facade-arguments';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';

interface Match {
  sheet: SheetData;
  row: number;
  column: number;
}

/**
 * Finds cells by their display value (or formula, with matchFormulaText), in row-major order within
 * each scope. findNext continues after the last match and returns null at the end (no wrap-around).
 * Regular expressions are JavaScript's, not RE2.
 */
export class TextFinderImpl {
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  private formulaText = false;
  private cursor: Match | null = null;

  constructor(
    private readonly s: SpreadsheetService,
    private readonly scope: Area[],
    private readonly text: string,
  ) {}

  matchCase(matchCase: unknown): this {
    this.caseSensitive = matchCase === true;
    return this.s.wrap('TextFinder', this);
  }

  matchEntireCell(entireCell: unknown): this {
    this.entireCell = entireCell === true;
    return this.s.wrap('TextFinder', this);
  }

  useRegularExpression(useRegEx: unknown): this {
    this.regularExpression = useRegEx === true;
    return this.s.wrap('TextFinder', this);
  }

  matchFormulaText(matchFormulaText: unknown): this {
    this.formulaText = matchFormulaText === true;
    return this.s.wrap('TextFinder', this);
  }

  ignoreDiacritics(): this {
    return this.s.wrap('TextFinder', this);
  }

  startFrom(range: unknown): this {
    const area = areaOf(range, 'TextFinder.startFrom');
    this.cursor = { sheet: area.sheet, row: area.row, column: area.column };
    return this.s.wrap('TextFinder', this);
  }

  findNext(): RangeImpl | null {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    const cursor = this.cursor;
    const next = cursor ? matches.find((m) => compareMatch(this.s.workbook, m, cursor) > 0) : matches[0];
    if (!next) return null;
    this.cursor = next;
    this.s.read(1);
    return this.s.range(next.sheet, next.row, next.column);
  }

  findPrevious(): RangeImpl | null {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    const cursor = this.cursor;
    const previous = cursor ? [...matches].reverse().find((m) => compareMatch(this.s.workbook, m, cursor) < 0) : matches[matches.length - 1];
    if (!previous) return null;
    this.cursor = previous;
    this.s.read(1);
    return this.s.range(previous.sheet, previous.row, previous.column);
  }

  findAll(): RangeImpl[] {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    this.s.read(matches.length);
    return this.s.env.realm.array(matches.map((m) => this.s.range(m.sheet, m.row, m.column)));
  }

  private _matcher(): (text: string) => boolean {
    if (this.text === '') return () => false;
    if (this.regularExpression) {
      const source = this.entireCell ? `^(?:${this.text})$` : this.text;
      const pattern = new RegExp(source, this.caseSensitive ? 'u' : 'iu');
      return (text) => pattern.test(text);
    }
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    return (text) => {
      const hay = this.caseSensitive ? text : text.toLowerCase();
      return this.entireCell ? hay === needle : hay.includes(needle);
    };
  }
}

function compareMatch(workbook: Workbook, a: Match, b: Match): number {
  const sheets = workbook.sheets.indexOf(a.sheet) - workbook.sheets.indexOf(b.sheet);
  if (sheets !== 0) return sheets;
  return a.row !== b.row ? a.row - b.row : a.column - b.column;
}

function matchesOf(s: SpreadsheetService, scope: Area[], matches: (text: string) => boolean, formulaText: boolean): Match[] {
  const found: Match[] = [];
  for (const area of scope) {
    forEachStoredCell(area, (cell, row, column) => {
      const text = formulaText && cell.formula !== '' ? cell.formula : displayValue(cell, s.workbook.timeZone);
      if (text !== '' && matches(text)) found.push({ sheet: area.sheet, row, column });
    });
  }
  return found;
}
