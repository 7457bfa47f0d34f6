/** A service set with its globals typed as Apps Script's own interfaces, for Node-side tests. */
import { createAppsScriptServices, type AppsScriptServicesOptions } from '../../src/services';

export function fakes(options: AppsScriptServicesOptions = {}) {
  const services = createAppsScriptServices(options);
  const g = services.globals;
  return {
    services,
    SpreadsheetApp: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    PropertiesService: g.PropertiesService as GoogleAppsScript.Properties.PropertiesService,
    LockService: g.LockService as GoogleAppsScript.Lock.LockService,
    ContentService: g.ContentService as GoogleAppsScript.Content.ContentService,
    HtmlService: g.HtmlService as GoogleAppsScript.HTML.HtmlService,
    ScriptApp: g.ScriptApp as GoogleAppsScript.Script.ScriptApp,
    UrlFetchApp: g.UrlFetchApp as GoogleAppsScript.URL_Fetch.UrlFetchApp,
    Utilities: g.Utilities as GoogleAppsScript.Utilities.Utilities,
    Session: g.Session as GoogleAppsScript.Base.Session,
  };
}
