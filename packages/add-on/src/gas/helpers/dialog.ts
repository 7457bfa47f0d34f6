/** The add-on's modal dialogs: help, and the frame the set-up dialog opens in. Their pages live in src/gas/html. */

import { ADD_ON_NAME } from '../../core/contracts/add-on-name';

export function showDialog(page: GoogleAppsScript.HTML.HtmlOutput, title: string, height = 520): void {
  SpreadsheetApp.getUi().showModalDialog(page.setWidth(560).setHeight(height), title);
}

export function showHelpDialog(): void {
  showDialog(HtmlService.createHtmlOutputFromFile('Help'), ADD_ON_NAME, 560);
}
