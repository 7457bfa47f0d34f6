/**
 * DeveloperMetadata, after the Apps Script reference page "Class DeveloperMetadata"
 * (developers.google.com/apps-script/reference/spreadsheet/developer-metadata): its id, key, value
 * (null when it has none), visibility and location; remove; setKey, setValue, setVisibility; and
 * moveToColumn, moveToRow, moveToSheet, moveToSpreadsheet. A handle reads its record live; once the
 * record is gone (removed, or its sheet, row or column deleted) changing it throws.
 */
import { VISIBILITY, visibilityName, type EnumValue, type MetadataLocationType, type MetadataRecord, type MetadataVisibility } from '../metadata-data';
import { stringOf, unwrapFacade } from '../script-realm';
import type { DeveloperMetadataLocationImpl } from './developer-metadata-location';
import { areaOf, sheetOf } from './facade-arguments';
import { ARBITRARY_RANGE_ERROR, ownerOf, rangeLocation } from './metadata-access';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export class DeveloperMetadataImpl {
  constructor(
    private readonly s: SpreadsheetService,
    readonly record: MetadataRecord,
  ) {}

  getId(): number {
    return this.record.id;
  }

  getKey(): string {
    return this.record.key;
  }

  getValue(): string | null {
    return this.record.value;
  }

  getVisibility(): EnumValue<MetadataVisibility> {
    return VISIBILITY[this.record.visibility];
  }

  getLocation(): DeveloperMetadataLocationImpl {
    return this.s.metadataLocation(this.record);
  }

  remove(): void {
    const owner = this._owner();
    owner.list.splice(owner.list.indexOf(this.record), 1);
  }

  setKey(key: unknown): DeveloperMetadataImpl {
    if (typeof key !== 'string') throw signatureError([key], 'DeveloperMetadata.setKey');
    this._owner();
    this.record.key = key;
    return this._self();
  }

  setValue(value: unknown): DeveloperMetadataImpl {
    if (value !== null && value !== undefined && typeof value !== 'string') throw signatureError([value], 'DeveloperMetadata.setValue');
    this._owner();
    this.record.value = value === null || value === undefined ? null : stringOf(value);
    return this._self();
  }

  setVisibility(visibility: unknown): DeveloperMetadataImpl {
    const named = visibilityName(unwrapFacade(visibility));
    if (!named) throw signatureError([visibility], 'DeveloperMetadata.setVisibility');
    this._owner();
    this.record.visibility = named;
    return this._self();
  }

  moveToColumn(column: unknown): DeveloperMetadataImpl {
    return this._moveToRange(column, 'COLUMN', 'DeveloperMetadata.moveToColumn');
  }

  moveToRow(row: unknown): DeveloperMetadataImpl {
    return this._moveToRange(row, 'ROW', 'DeveloperMetadata.moveToRow');
  }

  moveToSheet(sheet: unknown): DeveloperMetadataImpl {
    const data = sheetOf(sheet, 'DeveloperMetadata.moveToSheet');
    this._move(data.developerMetadata, 'SHEET', 0);
    return this._self();
  }

  moveToSpreadsheet(): DeveloperMetadataImpl {
    this._move(this.s.workbook.spreadsheetMetadata, 'SPREADSHEET', 0);
    return this._self();
  }

  private _moveToRange(range: unknown, type: 'ROW' | 'COLUMN', method: string): DeveloperMetadataImpl {
    const area = areaOf(range, method);
    const location = rangeLocation(area);
    if (location?.type !== type) throw new Error(ARBITRARY_RANGE_ERROR);
    this._move(area.sheet.developerMetadata, type, location.index);
    return this._self();
  }

  private _move(target: MetadataRecord[], type: MetadataLocationType, index: number): void {
    const owner = this._owner();
    owner.list.splice(owner.list.indexOf(this.record), 1);
    this.record.type = type;
    this.record.index = index;
    target.push(this.record);
  }

  private _owner(): NonNullable<ReturnType<typeof ownerOf>> {
    const owner = ownerOf(this.s.workbook, this.record);
    if (!owner) throw new Error(`No developer metadata with id ${String(this.record.id)} exists.`);
    return owner;
  }

  private _self(): DeveloperMetadataImpl {
    return this.s.developerMetadata(this.record);
  }
}

