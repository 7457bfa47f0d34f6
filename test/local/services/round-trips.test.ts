/** SpreadsheetStats.roundTrips: calls that go to the spreadsheet, not handle-making or a handle's own data. */
import { isRoundTrip } from '../../../src/local/services/spreadsheet/round-trips';
import { Workbook } from '../../../src/local/services';
import { fakes } from './fixtures';

describe('the classification', () => {
  it.each([
    ['Range', 'getValues'], ['Range', 'getDisplayValues'], ['Range', 'getNumberFormats'], ['Range', 'getFormulas'],
    ['Range', 'setValues'], ['Range', 'setValue'], ['Range', 'setNumberFormat'], ['Range', 'setNumberFormats'],
    ['Range', 'setFontWeight'], ['Range', 'setWrap'], ['Range', 'clearContent'], ['Range', 'getDeveloperMetadata'],
    ['Range', 'addDeveloperMetadata'], ['Sheet', 'appendRow'], ['Sheet', 'insertColumnsAfter'], ['Sheet', 'deleteRows'],
    ['Sheet', 'clear'], ['Sheet', 'getLastRow'], ['Sheet', 'getLastColumn'], ['Sheet', 'getMaxRows'], ['Sheet', 'getMaxColumns'],
    ['Sheet', 'getCharts'], ['Sheet', 'insertChart'], ['Sheet', 'updateChart'], ['Sheet', 'removeChart'], ['Sheet', 'setFrozenRows'],
    ['Sheet', 'setColumnWidth'], ['Sheet', 'moveColumns'], ['Sheet', 'addDeveloperMetadata'], ['Sheet', 'getDeveloperMetadata'],
    ['Spreadsheet', 'getSheets'], ['Spreadsheet', 'getSheetByName'], ['Spreadsheet', 'toast'], ['Spreadsheet', 'insertSheet'],
    ['Spreadsheet', 'addDeveloperMetadata'], ['SpreadsheetApp', 'flush'],
    ['TextFinder', 'findNext'], ['TextFinder', 'findAll'], ['TextFinder', 'findPrevious'], ['TextFinder', 'replaceAll'],
    ['DeveloperMetadataFinder', 'find'], ['DeveloperMetadata', 'remove'], ['DeveloperMetadata', 'setValue'],
    ['DeveloperMetadata', 'setKey'], ['DeveloperMetadata', 'moveToColumn'], ['DeveloperMetadata', 'moveToSheet'],
  ] as const)('%s.%s is a round trip', (family, method) => {
    expect(isRoundTrip(family, method)).toBe(true);
  });

  it.each([
    ['SpreadsheetApp', 'getActiveSpreadsheet'], ['Spreadsheet', 'getRange'], ['Spreadsheet', 'createTextFinder'],
    ['Spreadsheet', 'createDeveloperMetadataFinder'], ['Sheet', 'getRange'], ['Sheet', 'getRangeList'], ['Sheet', 'getName'],
    ['Sheet', 'getSheetId'], ['Sheet', 'createDeveloperMetadataFinder'], ['Range', 'offset'], ['Range', 'getRow'],
    ['Range', 'getColumn'], ['Range', 'getNumRows'], ['Range', 'getNumColumns'], ['Range', 'getA1Notation'], ['Range', 'getSheet'],
    ['TextFinder', 'matchEntireCell'], ['TextFinder', 'startFrom'], ['DeveloperMetadataFinder', 'withKey'],
    ['DeveloperMetadataFinder', 'withLocationType'], ['DeveloperMetadataFinder', 'onIntersectingLocations'],
    ['DeveloperMetadata', 'getKey'], ['DeveloperMetadata', 'getValue'], ['DeveloperMetadata', 'getId'], ['DeveloperMetadata', 'getLocation'],
    ['DeveloperMetadataLocation', 'getColumn'], ['DeveloperMetadataLocation', 'getLocationType'],
    ['EmbeddedChartBuilder', 'addRange'], ['EmbeddedChartBuilder', 'build'], ['ChartOptions', 'get'],
  ] as const)('%s.%s is not', (family, method) => {
    expect(isRoundTrip(family, method)).toBe(false);
  });
});

describe('counting', () => {
  it('counts a script\'s round trips beside its calls', () => {
    const { SpreadsheetApp, services } = fakes({ workbook: new Workbook({ sheets: ['Reconciliation'] }) });
    services.resetStats();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Reconciliation')!; // 1 of 2
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id'); // 1 of 2
    const [meta] = sheet.createDeveloperMetadataFinder().withKey('column').find(); // 1 of 3
    const column = meta!.getLocation().getColumn()!.getColumn(); // 0 of 3
    sheet.getRange(2, column, 5, 1).getValues(); // 1 of 2
    sheet.createTextFinder('x').matchEntireCell(true).findNext(); // 1 of 3
    expect(services.stats().spreadsheet).toMatchObject({ calls: 15, roundTrips: 5 });
    services.resetStats();
    expect(services.stats().spreadsheet).toMatchObject({ calls: 0, roundTrips: 0 });
  });
});
