/**
 * DeveloperMetadataFinder (Spreadsheet.createDeveloperMetadataFinder), following
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder: withKey
 * and withLocationType (both must match; calling one again replaces its condition), and find, over
 * every metadata of the spreadsheet. withId, withValue, withVisibility and onIntersectingLocations are
 * not implemented.
 */
import { locationTypeName, type MetadataLocationType } from '../metadata-data';
import { unwrapFacade } from '../script-realm';
import type { DeveloperMetadataImpl } from './developer-metadata';
import { allMetadata } from './metadata-access';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export class DeveloperMetadataFinderImpl {
  private key: string | null = null;
  private locationType: MetadataLocationType | null = null;

  constructor(private readonly s: SpreadsheetService) {}

  withKey(key: unknown): this {
    if (typeof key !== 'string') throw signatureError([key], 'DeveloperMetadataFinder.withKey');
    this.key = key;
    return this._self();
  }

  withLocationType(locationType: unknown): this {
    const named = locationTypeName(unwrapFacade(locationType));
    if (!named) throw signatureError([locationType], 'DeveloperMetadataFinder.withLocationType');
    this.locationType = named;
    return this._self();
  }

  find(): DeveloperMetadataImpl[] {
    const found = allMetadata(this.s.workbook).filter(
      ({ record }) => (this.key === null || record.key === this.key) && (this.locationType === null || record.type === this.locationType),
    );
    return this.s.env.realm.array(found.map(({ record }) => this.s.developerMetadata(record)));
  }

  private _self(): this {
    return this.s.wrap('DeveloperMetadataFinder', this);
  }
}
