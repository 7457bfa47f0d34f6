/**
 * SpreadsheetService: what the SpreadsheetApp family's objects share. It holds the Workbook, the
 * execution's environment and the Ui; hands out the script-facing objects, each counted and guarded
 * (a custom function may not change anything); checks a range against its sheet as Sheets does; and
 * keeps the counters (calls, round trips (round-trips.ts), cells read and written) and the toasts shown. The classes construct each
 * other only through it (`s.sheet(...)`, `s.range(...)`, ...), so none imports another's module.
 */
import { parseA1, splitSheetName } from '../a1-notation';
import { emptyDraft, type ChartDraft } from '../chart-data';
import { facade, type ServiceEnvironment } from '../script-realm';
import type { MetadataRecord } from '../metadata-data';
import type { SheetData } from '../sheet-data';
import type { UiFake } from '../ui';
import type { Workbook } from '../workbook';
import type { Area } from './areas';
import { DeveloperMetadataImpl } from './developer-metadata';
import { DeveloperMetadataFinderImpl } from './developer-metadata-finder';
import { DeveloperMetadataLocationImpl } from './developer-metadata-location';
import { EmbeddedChartImpl } from './embedded-chart';
import { EmbeddedChartBuilderImpl } from './embedded-chart-builder';
import { RangeImpl } from './range';
import { RangeListImpl } from './range-list';
import { isRoundTrip } from './round-trips';
import { SheetImpl } from './sheet';
import { signatureError } from './signature-error';
import { SpreadsheetImpl } from './spreadsheet';
import { SpreadsheetAppImpl } from './spreadsheet-app';
import { TextFinderImpl } from './text-finder';

export type SpreadsheetFamily =
  | 'SpreadsheetApp'
  | 'Spreadsheet'
  | 'Sheet'
  | 'Range'
  | 'RangeList'
  | 'TextFinder'
  | 'EmbeddedChart'
  | 'EmbeddedChartBuilder'
  | 'ChartOptions'
  | 'DeveloperMetadata'
  | 'DeveloperMetadataFinder'
  | 'DeveloperMetadataLocation';

export interface SpreadsheetStats {
  /**
   * Method calls on SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList and TextFinder objects, and
   * on charts: EmbeddedChart, EmbeddedChartBuilder, ChartOptions,
   * and on developer metadata: DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation.
   */
  calls: number;
  /** The calls that go to the spreadsheet to read or write (round-trips.ts); handle-making is not one. */
  roundTrips: number;
  /** Cells whose content read methods returned (a getValues over 3x4 is 12). */
  cellsRead: number;
  /** Cells write methods set or cleared (a setValues over 3x4 is 12). */
  cellsWritten: number;
  /** Calls per method, e.g. { 'Range.getValues': 2 }. */
  byMethod: Record<string, number>;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What a custom function may not call: anything that changes the spreadsheet. */
const CHANGES_SOMETHING = /^(set|insert|delete|append|clear|hide|show|autoResize|activate|rename|update|remove|add|move|sort)/;

/** Families whose setters change only the object itself (a builder), never the spreadsheet. */
const CHANGES_NOTHING: ReadonlySet<SpreadsheetFamily> = new Set(['EmbeddedChart', 'EmbeddedChartBuilder', 'ChartOptions']);

function emptyStats(): SpreadsheetStats {
  return { calls: 0, roundTrips: 0, cellsRead: 0, cellsWritten: 0, byMethod: {} };
}

export class SpreadsheetService {
  /** Toasts shown with Spreadsheet.toast, in order. */
  readonly toasts: Toast[] = [];
  /** The SpreadsheetApp global. */
  readonly app: object;
  private counters = emptyStats();

  constructor(
    readonly workbook: Workbook,
    readonly env: ServiceEnvironment,
    readonly ui: UiFake,
  ) {
    this.app = this.wrap('SpreadsheetApp', new SpreadsheetAppImpl(this));
  }

  stats(): SpreadsheetStats {
    return { ...this.counters, byMethod: { ...this.counters.byMethod } };
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** @internal The script-facing object for one of the family's objects: counted and guarded. */
  wrap<T extends object>(family: SpreadsheetFamily, impl: T): T {
    return facade(impl, this.env.realm, {
      name: family,
      beforeCall: (method) => {
        this.counters.calls += 1;
        if (isRoundTrip(family, method)) this.counters.roundTrips += 1;
        const key = `${family}.${method}`;
        this.counters.byMethod[key] = (this.counters.byMethod[key] ?? 0) + 1;
        if (this.env.execution.context === 'custom_function' && !CHANGES_NOTHING.has(family) && CHANGES_SOMETHING.test(method)) {
          throw new Error(`You do not have permission to call ${method}`);
        }
      },
    });
  }

  /** @internal */
  read(cells: number): void {
    this.counters.cellsRead += cells;
  }

  /** @internal */
  wrote(cells: number): void {
    this.counters.cellsWritten += cells;
  }

  /** @internal */
  spreadsheet(): SpreadsheetImpl {
    return this.wrap('Spreadsheet', new SpreadsheetImpl(this));
  }

  /** @internal */
  sheet(data: SheetData): SheetImpl {
    return this.wrap('Sheet', new SheetImpl(this, data));
  }

  /** @internal A range, checked against the sheet's size as Sheets checks it. */
  range(sheet: SheetData, row: number, column: number, numRows = 1, numColumns = 1): RangeImpl {
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw new Error('The number of rows in the range must be at least 1.');
    if (!(numColumns >= 1)) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.wrap('Range', new RangeImpl(this, { sheet, row, column, numRows, numColumns }));
  }

  /** @internal */
  rangeList(ranges: RangeImpl[]): RangeListImpl {
    return this.wrap('RangeList', new RangeListImpl(this, ranges));
  }

  /** @internal A TextFinder over the cells of `scope`. */
  textFinder(scope: Area, text: string): TextFinderImpl {
    return this.wrap('TextFinder', new TextFinderImpl(this, scope, text));
  }

  /** @internal A chart builder over `draft` (a new chart's, or a copy of a chart's for modify). */
  chartBuilder(draft: ChartDraft = emptyDraft()): EmbeddedChartBuilderImpl {
    return this.wrap('EmbeddedChartBuilder', new EmbeddedChartBuilderImpl(this, draft));
  }

  /** @internal A handle on one developer metadata record. */
  developerMetadata(record: MetadataRecord): DeveloperMetadataImpl {
    return this.wrap('DeveloperMetadata', new DeveloperMetadataImpl(this, record));
  }

  /** @internal */
  metadataFinder(): DeveloperMetadataFinderImpl {
    return this.wrap('DeveloperMetadataFinder', new DeveloperMetadataFinderImpl(this));
  }

  /** @internal */
  metadataLocation(record: MetadataRecord): DeveloperMetadataLocationImpl {
    return this.wrap('DeveloperMetadataLocation', new DeveloperMetadataLocationImpl(this, record));
  }

  /** @internal */
  embeddedChart(draft: ChartDraft): EmbeddedChartImpl {
    return this.wrap('EmbeddedChart', new EmbeddedChartImpl(this, draft));
  }

  /** @internal A range from A1 notation, on the named sheet or `fallback`. */
  rangeFromA1(reference: unknown, fallback: SheetData, method: string): RangeImpl {
    if (typeof reference !== 'string') throw signatureError([reference], method);
    const { sheetName, a1 } = splitSheetName(reference);
    const sheet = sheetName === null ? fallback : this.workbook.getSheet(sheetName);
    if (!sheet) throw new Error('Range not found');
    const grid = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    return this.range(sheet, grid.row, grid.column, grid.numRows, grid.numColumns);
  }

  /** @internal The active range: the selection on the active sheet, else its cell A1. */
  activeRanges(): RangeImpl[] {
    const sheet = this.workbook.activeSheet();
    const selection = this.workbook.selection;
    const ranges = selection?.sheetId === sheet.sheetId ? selection.ranges : ['A1'];
    return ranges.map((a1) => this.rangeFromA1(a1, sheet, 'Spreadsheet.getActiveRange'));
  }

  /** @internal */
  checkUi(): void {
    const context = this.env.execution.context;
    if (context !== 'editor') throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
  }
}
