/** SpreadsheetStats.roundTrips: calls that go to the spreadsheet, not handle-making or a handle's own data. */
import { isRoundTrip } from '../../src/services/spreadsheet/round-trips';
import { Workbook } from '../../src/services';
import { fakes } from './fixtures';

describe('the classification', () => {
  it.each([
    ['Range', 'getValues'],
    ['Range', 'getNumberFormats'],
    ['Range', 'getFormulas'],
    ['Range', 'getNotes'],
    ['Range', 'getBackgrounds'],
    ['Range', 'setValues'],
    ['Range', 'setValue'],
    ['Range', 'setNumberFormat'],
    ['Range', 'setNumberFormats'],
    ['Range', 'setFontWeight'],
    ['Range', 'setWrap'],
    ['Range', 'addDeveloperMetadata'],
    ['Sheet', 'insertColumnsAfter'],
    ['Sheet', 'clear'],
    ['Sheet', 'getLastRow'],
    ['Sheet', 'getLastColumn'],
    ['Sheet', 'getMaxRows'],
    ['Sheet', 'getMaxColumns'],
    ['Sheet', 'getCharts'],
    ['Sheet', 'insertChart'],
    ['Sheet', 'updateChart'],
    ['Sheet', 'removeChart'],
    ['Sheet', 'setFrozenRows'],
    ['Sheet', 'setColumnWidth'],
    ['Sheet', 'addDeveloperMetadata'],
    ['Sheet', 'getDataRange'],
    ['Spreadsheet', 'getSheets'],
    ['Spreadsheet', 'getSheetByName'],
    ['Spreadsheet', 'toast'],
    ['Spreadsheet', 'insertSheet'],
    ['Spreadsheet', 'getActiveSheet'],
    ['Spreadsheet', 'getActiveRange'],
    ['SpreadsheetApp', 'flush'],
    ['SpreadsheetApp', 'getCurrentCell'],
    ['TextFinder', 'findNext'],
    ['DeveloperMetadataFinder', 'find'],
  ] as const)('%s.%s is a round trip', (family, method) => {
    expect(isRoundTrip(family, method)).toBe(true);
  });

  it.each([
    ['SpreadsheetApp', 'getActiveSpreadsheet'],
    ['SpreadsheetApp', 'getUi'],
    ['Spreadsheet', 'createDeveloperMetadataFinder'],
    ['Sheet', 'getRange'],
    ['Sheet', 'getName'],
    ['Sheet', 'getSheetId'],
    ['Sheet', 'newChart'],
    ['Range', 'offset'],
    ['Range', 'getRow'],
    ['Range', 'getColumn'],
    ['Range', 'getNumRows'],
    ['Range', 'getA1Notation'],
    ['Range', 'getSheet'],
    ['Range', 'createTextFinder'],
    ['RangeList', 'getRanges'],
    ['DeveloperMetadataFinder', 'withKey'],
    ['DeveloperMetadataFinder', 'withLocationType'],
    ['DeveloperMetadata', 'getValue'],
    ['DeveloperMetadata', 'getLocation'],
    ['DeveloperMetadataLocation', 'getColumn'],
    ['DeveloperMetadataLocation', 'getSheet'],
    ['EmbeddedChartBuilder', 'addRange'],
    ['EmbeddedChartBuilder', 'build'],
    ['EmbeddedChart', 'modify'],
    ['ChartOptions', 'get'],
  ] as const)('%s.%s is not', (family, method) => {
    expect(isRoundTrip(family, method)).toBe(false);
  });
});

describe('counting', () => {
  it("counts a script's round trips beside its calls", () => {
    const { SpreadsheetApp, services } = fakes({ workbook: new Workbook({ sheets: ['Reconciliation'] }) });
    services.resetStats();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Reconciliation')!; // 1 of 2
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id'); // 1 of 2
    const [meta] = SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('column').find(); // 1 of 4
    const column = meta!.getLocation().getColumn()!.getColumn(); // 0 of 3
    sheet.getRange(2, column, 5, 1).getValues(); // 1 of 2
    sheet.getRange(2, column, 5, 1).createTextFinder('x').findNext(); // 1 of 3
    expect(services.stats().spreadsheet).toMatchObject({ calls: 16, roundTrips: 5 });
    services.resetStats();
    expect(services.stats().spreadsheet).toMatchObject({ calls: 0, roundTrips: 0 });
  });
});
