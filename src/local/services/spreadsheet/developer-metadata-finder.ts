/**
 * DeveloperMetadataFinder, after the Apps Script reference page "Class DeveloperMetadataFinder"
 * (developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder): withId,
 * withKey, withValue, withLocationType, withVisibility (all of them must match; calling one again
 * replaces its condition), onIntersectingLocations (for a range's finder), and find. The scope comes
 * from whoever created the finder (metadata-access.ts): the spreadsheet, a sheet, or a range.
 */
import { locationTypeName, visibilityName, type MetadataLocationType, type MetadataVisibility } from '../metadata-data';
import { unwrapFacade } from '../script-realm';
import type { DeveloperMetadataImpl } from './developer-metadata';
import { inScope, type MetadataScope } from './metadata-access';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export class DeveloperMetadataFinderImpl {
  private id: number | null = null;
  private key: string | null = null;
  private value: string | null = null;
  private locationType: MetadataLocationType | null = null;
  private visibility: MetadataVisibility | null = null;
  private intersecting = false;

  constructor(
    private readonly s: SpreadsheetService,
    private readonly scope: MetadataScope,
  ) {}

  withId(id: unknown): this {
    if (typeof id !== 'number') throw signatureError([id], 'DeveloperMetadataFinder.withId');
    this.id = id;
    return this._self();
  }

  withKey(key: unknown): this {
    if (typeof key !== 'string') throw signatureError([key], 'DeveloperMetadataFinder.withKey');
    this.key = key;
    return this._self();
  }

  withValue(value: unknown): this {
    if (typeof value !== 'string') throw signatureError([value], 'DeveloperMetadataFinder.withValue');
    this.value = value;
    return this._self();
  }

  withLocationType(locationType: unknown): this {
    const named = locationTypeName(unwrapFacade(locationType));
    if (!named) throw signatureError([locationType], 'DeveloperMetadataFinder.withLocationType');
    this.locationType = named;
    return this._self();
  }

  withVisibility(visibility: unknown): this {
    const named = visibilityName(unwrapFacade(visibility));
    if (!named) throw signatureError([visibility], 'DeveloperMetadataFinder.withVisibility');
    this.visibility = named;
    return this._self();
  }

  onIntersectingLocations(): this {
    this.intersecting = true;
    return this._self();
  }

  find(): DeveloperMetadataImpl[] {
    const found = inScope(this.s.workbook, this.scope, this.intersecting).filter(({ record }) =>
      (this.id === null || record.id === this.id) &&
      (this.key === null || record.key === this.key) &&
      (this.value === null || record.value === this.value) &&
      (this.locationType === null || record.type === this.locationType) &&
      (this.visibility === null || record.visibility === this.visibility),
    );
    return this.s.env.realm.array(found.map(({ record }) => this.s.developerMetadata(record)));
  }

  private _self(): this {
    return this.s.wrap('DeveloperMetadataFinder', this);
  }
}
