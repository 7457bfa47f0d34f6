/**
 * Which SpreadsheetApp-family calls are round trips: calls that go to the spreadsheet to read or
 * write something, as opposed to calls that only make a handle (a Range from A1 notation, a
 * TextFinder, a finder) or read what a handle already holds (a Range's position, a finder's
 * configuration). SpreadsheetStats.roundTrips counts the first kind; it is what a script's speed
 * depends on in Apps Script, where each such call is a request to Sheets.
 *
 * The rule: every call is a round trip unless it is listed below. Google does not document which
 * calls Apps Script answers without Sheets, nor how it batches; the list says, for each entry, why it
 * is taken as local, and marks "Guess" where that is a guess about Apps Script rather than evident
 * from what the call needs (see GUESSES.md).
 */
import type { SpreadsheetFamily } from './service';

/** Families every method of which is local: builders and the data a read already brought. */
const LOCAL_FAMILIES: ReadonlySet<SpreadsheetFamily> = new Set<SpreadsheetFamily>([
  // Builders only collect settings; the write is insertChart/updateChart (a round trip).
  'EmbeddedChartBuilder',
  'ChartOptions',
  // Guess: a chart handle from getCharts holds what getCharts read (its options).
  'EmbeddedChart',
  // A location is the metadata's own data: getRow/getColumn make Range handles, nothing is read.
  'DeveloperMetadataLocation',
]);

/** Local methods of the other families, by family. */
const LOCAL_METHODS: Readonly<Partial<Record<SpreadsheetFamily, readonly string[]>>> = {
  SpreadsheetApp: [
    // A handle on the spreadsheet the script is bound to: nothing about it is read yet.
    'getActiveSpreadsheet',
    // The Ui is not the spreadsheet (its own calls are not counted here).
    'getUi',
  ],
  Spreadsheet: [
    // Handle-making: Sheets is asked when the finder is used.
    'createDeveloperMetadataFinder',
  ],
  Sheet: [
    // Guess: a Sheet handle comes with its name and id (getSheets/getSheetByName read them).
    'getName',
    'getSheetId',
    // Handle-making.
    'getRange',
    'newChart',
  ],
  Range: [
    // A Range is a sheet and four numbers: these answer from the handle.
    'getRow',
    'getColumn',
    'getNumRows',
    'getA1Notation',
    'getSheet',
    // Handle-making.
    'offset',
    'createTextFinder',
  ],
  RangeList: [
    // The Ranges the list was made of.
    'getRanges',
  ],
  DeveloperMetadataFinder: [
    // Configuration of the search; find goes to Sheets.
    'withKey',
    'withLocationType',
  ],
  DeveloperMetadata: [
    // Guess: the handle holds what find returned.
    'getValue',
    'getLocation',
  ],
};

const LOCAL: ReadonlyMap<SpreadsheetFamily, ReadonlySet<string>> = new Map(
  Object.entries(LOCAL_METHODS).map(([family, methods]) => [family as SpreadsheetFamily, new Set(methods)]),
);

/** True when `family.method` goes to the spreadsheet (counted in SpreadsheetStats.roundTrips). */
export function isRoundTrip(family: SpreadsheetFamily, method: string): boolean {
  if (LOCAL_FAMILIES.has(family)) return false;
  return !(LOCAL.get(family)?.has(method) ?? false);
}
