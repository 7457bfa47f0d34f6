/**
 * The Apps Script class each fake stands for, and the reference page it follows. The facade of every
 * script-facing object is named by one of these, and a member the fake does not implement fails with
 * a message that names the class, the member and the page (script-realm.ts, `facade`).
 */
const BASE = 'https://developers.google.com/apps-script/reference/';

export const REFERENCE_PAGES = {
  SpreadsheetApp: `${BASE}spreadsheet/spreadsheet-app`,
  Spreadsheet: `${BASE}spreadsheet/spreadsheet`,
  Sheet: `${BASE}spreadsheet/sheet`,
  Range: `${BASE}spreadsheet/range`,
  RangeList: `${BASE}spreadsheet/range-list`,
  TextFinder: `${BASE}spreadsheet/text-finder`,
  EmbeddedChart: `${BASE}spreadsheet/embedded-chart`,
  EmbeddedChartBuilder: `${BASE}spreadsheet/embedded-chart-builder`,
  ChartOptions: `${BASE}charts/chart-options`,
  DeveloperMetadata: `${BASE}spreadsheet/developer-metadata`,
  DeveloperMetadataFinder: `${BASE}spreadsheet/developer-metadata-finder`,
  DeveloperMetadataLocation: `${BASE}spreadsheet/developer-metadata-location`,
  Charts: `${BASE}charts/charts`,
  CacheService: `${BASE}cache/cache-service`,
  Cache: `${BASE}cache/cache`,
  PropertiesService: `${BASE}properties/properties-service`,
  Properties: `${BASE}properties/properties`,
  LockService: `${BASE}lock/lock-service`,
  Lock: `${BASE}lock/lock`,
  ContentService: `${BASE}content/content-service`,
  TextOutput: `${BASE}content/text-output`,
  HtmlService: `${BASE}html/html-service`,
  HtmlOutput: `${BASE}html/html-output`,
  ScriptApp: `${BASE}script/script-app`,
  Service: `${BASE}script/service`,
  Trigger: `${BASE}script/trigger`,
  TriggerBuilder: `${BASE}script/trigger-builder`,
  ClockTriggerBuilder: `${BASE}script/clock-trigger-builder`,
  UrlFetchApp: `${BASE}url-fetch/url-fetch-app`,
  HTTPResponse: `${BASE}url-fetch/http-response`,
  Utilities: `${BASE}utilities/utilities`,
  Session: `${BASE}base/session`,
  Ui: `${BASE}base/ui`,
  Menu: `${BASE}base/menu`,
  PromptResponse: `${BASE}base/prompt-response`,
} as const;

export type AppsScriptClass = keyof typeof REFERENCE_PAGES;

/** What calling a member the local runtime does not implement throws. */
export function notImplementedMessage(className: AppsScriptClass, member: string): string {
  return `${className}.${member} is not implemented by the local Apps Script runtime (packages/tools/src/services): add it, following ${REFERENCE_PAGES[className]}`;
}
