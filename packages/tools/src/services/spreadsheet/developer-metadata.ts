/**
 * DeveloperMetadata, following https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata:
 * its value (null when it has none) and its location, read from the record when asked. Its id, key
 * and visibility getters, remove, the setters and the moves are not implemented.
 */
import type { MetadataRecord } from '../metadata-data';
import type { DeveloperMetadataLocationImpl } from './developer-metadata-location';
import type { SpreadsheetService } from './service';

export class DeveloperMetadataImpl {
  constructor(
    private readonly s: SpreadsheetService,
    private readonly record: MetadataRecord,
  ) {}

  getValue(): string | null {
    return this.record.value;
  }

  getLocation(): DeveloperMetadataLocationImpl {
    return this.s.metadataLocation(this.record);
  }
}
