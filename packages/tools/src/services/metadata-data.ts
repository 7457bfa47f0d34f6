/**
 * Developer metadata as plain data (what SheetData and Workbook keep, what the workbook JSON holds):
 * a key, an optional value, a visibility and a location. Spreadsheet-level metadata lives on the
 * Workbook, everything else on its sheet (SheetData.developerMetadata), so that it goes where the
 * sheet goes: deleting the sheet deletes it, and row and column moves, insertions and deletions
 * (sheet-data.ts) carry ROW and COLUMN metadata with their row or column, as Sheets does ("if
 * developer metadata is associated with row 5 and another row is then subsequently inserted above
 * row 5, that original metadata is still associated with the row it was first associated with ...
 * If the associated object is deleted then its metadata is deleted too": the Sheets API's
 * spreadsheets.developerMetadata reference). Also the two enums, DeveloperMetadataLocationType and
 * DeveloperMetadataVisibility. Nothing here is counted.
 */

export const METADATA_LOCATION_TYPES = ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const;
export type MetadataLocationType = (typeof METADATA_LOCATION_TYPES)[number];

export const METADATA_VISIBILITIES = ['DOCUMENT', 'PROJECT'] as const;
export type MetadataVisibility = (typeof METADATA_VISIBILITIES)[number];

export interface MetadataRecord {
  /** Unique in the spreadsheet (Workbook.newMetadataId). */
  id: number;
  key: string;
  /** null when the metadata has no value (getValue returns null). */
  value: string | null;
  visibility: MetadataVisibility;
  type: MetadataLocationType;
  /** The row (ROW) or column (COLUMN), 1-based; 0 for SPREADSHEET and SHEET. */
  index: number;
}

export function copyRecord(record: MetadataRecord): MetadataRecord {
  return { id: record.id, key: record.key, value: record.value, visibility: record.visibility, type: record.type, index: record.index };
}

/**
 * A value of one of the enums. Unlike the other enums of this emulator (plain strings), these are
 * objects, as Apps Script's are: addDeveloperMetadata(key, x) must tell a visibility from a value, and
 * the string 'PROJECT' is a value. name() and toString() give the name; the same object is handed out
 * every time, so === compares as in Apps Script.
 */
export interface EnumValue<N extends string> {
  name(): N;
  toString(): N;
  toJSON(): N;
  ordinal(): number;
}

function enumOf<N extends string>(names: readonly N[]): Readonly<Record<N, EnumValue<N>>> {
  const out = {} as Record<N, EnumValue<N>>;
  names.forEach((name, ordinal) => {
    out[name] = Object.freeze({ name: () => name, toString: () => name, toJSON: () => name, ordinal: () => ordinal });
  });
  return Object.freeze(out);
}

export const LOCATION_TYPE = enumOf(METADATA_LOCATION_TYPES);
export const VISIBILITY = enumOf(METADATA_VISIBILITIES);

/** The name of a DeveloperMetadataLocationType value, or null when `value` is not one. */
export function locationTypeName(value: unknown): MetadataLocationType | null {
  return METADATA_LOCATION_TYPES.find((name) => LOCATION_TYPE[name] === value) ?? null;
}

/** The name of a DeveloperMetadataVisibility value, or null when `value` is not one. */
export function visibilityName(value: unknown): MetadataVisibility | null {
  return METADATA_VISIBILITIES.find((name) => VISIBILITY[name] === value) ?? null;
}

/** Row or column metadata after `count` rows/columns were inserted after `after`. */
export function shiftForInsert(records: MetadataRecord[], type: 'ROW' | 'COLUMN', after: number, count: number): void {
  for (const record of records) if (record.type === type && record.index > after) record.index += count;
}

/** Drops the metadata of deleted rows/columns start..start+count-1 and moves the later ones up. */
export function shiftForDelete(records: MetadataRecord[], type: 'ROW' | 'COLUMN', start: number, count: number): MetadataRecord[] {
  const kept = records.filter((record) => record.type !== type || record.index < start || record.index >= start + count);
  for (const record of kept) if (record.type === type && record.index >= start + count) record.index -= count;
  return kept;
}

/**
 * Where index `i` goes when `count` rows (or columns) from `start` move to before `destination`
 * (SheetData.moveRows / moveColumns, as Sheet.moveRows does: the destination counts positions before
 * the move).
 */
export function movedIndex(i: number, start: number, count: number, destination: number): number {
  const end = start + count; // first index after the block
  if (destination >= start && destination <= end) return i;
  if (i >= start && i < end) return destination < start ? destination + (i - start) : destination - count + (i - start);
  if (destination < start && i >= destination && i < start) return i + count;
  if (destination > end && i >= end && i < destination) return i - count;
  return i;
}

/** What Workbook.developerMetadata() lists, for tests: the location by sheet name. */
export interface MetadataListing {
  id: number;
  key: string;
  value: string | null;
  visibility: MetadataVisibility;
  location: { type: MetadataLocationType; sheet?: string; row?: number; column?: number };
}

export function listing(record: MetadataRecord, sheetName: string | null): MetadataListing {
  const location: MetadataListing['location'] = { type: record.type };
  if (sheetName !== null) location.sheet = sheetName;
  if (record.type === 'ROW') location.row = record.index;
  if (record.type === 'COLUMN') location.column = record.index;
  return { id: record.id, key: record.key, value: record.value, visibility: record.visibility, location };
}
