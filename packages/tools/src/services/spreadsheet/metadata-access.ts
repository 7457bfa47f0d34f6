/**
 * Developer metadata as Sheet and Range add it (addDeveloperMetadata), as the spreadsheet's finder
 * lists it, and as a location finds its record again: where a Range may carry metadata, and the
 * argument forms of addDeveloperMetadata. Follows the Apps Script reference pages of Range and Sheet
 * (addDeveloperMetadata) and of DeveloperMetadataFinder; where they are silent,
 * packages/tools/src/services/GUESSES.md says what is guessed.
 */
import { visibilityName, type MetadataLocationType, type MetadataRecord, type MetadataVisibility } from '../metadata-data';
import { stringOf, unwrapFacade } from '../script-realm';
import type { SheetData } from '../sheet-data';
import type { Workbook } from '../workbook';
import type { Area } from './areas';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

/** Apps Script's words when a Range that is not a whole row or column is given metadata. */
export const ARBITRARY_RANGE_ERROR =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** A record and the sheet it is on (null: the spreadsheet's own). */
export interface Placed {
  record: MetadataRecord;
  sheet: SheetData | null;
}

/** Where a Range may carry metadata: a whole single row or a whole single column; else null. */
export function rangeLocation(area: Area): { type: 'ROW' | 'COLUMN'; index: number } | null {
  const { sheet } = area;
  if (area.numRows === 1 && area.column === 1 && area.numColumns === sheet.maxColumns) return { type: 'ROW', index: area.row };
  if (area.numColumns === 1 && area.row === 1 && area.numRows === sheet.maxRows) return { type: 'COLUMN', index: area.column };
  return null;
}

/**
 * addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility) on a sheet's
 * list, at the location given.
 */
export function addMetadata(
  s: SpreadsheetService,
  list: MetadataRecord[],
  location: { type: MetadataLocationType; index: number },
  args: unknown[],
  method: string,
): void {
  const [key, second, third] = args;
  if (typeof key !== 'string' || args.length < 1 || args.length > 3) throw signatureError(args, method);
  let value: string | null = null;
  let visibility: MetadataVisibility = 'DOCUMENT';
  if (args.length === 2) {
    const named = visibilityName(unwrapFacade(second));
    if (named) visibility = named;
    else if (typeof second === 'string') value = second;
    else throw signatureError(args, method);
  } else if (args.length === 3) {
    const named = visibilityName(unwrapFacade(third));
    if (typeof second !== 'string' || !named) throw signatureError(args, method);
    value = second;
    visibility = named;
  }
  list.push({ id: s.workbook.newMetadataId(), key: stringOf(key), value, visibility, type: location.type, index: location.index });
}

/** Every record of the workbook: the spreadsheet's, then each sheet's in tab order, each by id. */
export function allMetadata(workbook: Workbook): Placed[] {
  const byId = (a: Placed, b: Placed): number => a.record.id - b.record.id;
  return [
    ...workbook.spreadsheetMetadata.map((record) => ({ record, sheet: null })).sort(byId),
    ...workbook.sheets.flatMap((sheet) => sheet.developerMetadata.map((record) => ({ record, sheet })).sort(byId)),
  ];
}

/** The list that holds a record now, and its sheet; null once its sheet (or row or column) was deleted. */
export function ownerOf(workbook: Workbook, record: MetadataRecord): { list: MetadataRecord[]; sheet: SheetData | null } | null {
  if (workbook.spreadsheetMetadata.includes(record)) return { list: workbook.spreadsheetMetadata, sheet: null };
  const sheet = workbook.sheets.find((candidate) => candidate.developerMetadata.includes(record));
  return sheet ? { list: sheet.developerMetadata, sheet } : null;
}
