/** The Ui, ContentService, HtmlService and ScriptApp fakes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TriggerStore } from '../../src/services';
import { fakes } from './fixtures';

describe('Ui', () => {
  it('records the add-on menu, with separators', () => {
    const { SpreadsheetApp, services } = fakes();
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Set up webhook', 'setUpWebhook').addSeparator().addItem('Pull from Stripe', 'pullFromStripe').addToUi();
    expect(services.ui.menus).toEqual([
      {
        name: 'Add-on',
        addon: true,
        items: [
          { kind: 'item', caption: 'Set up webhook', functionName: 'setUpWebhook' },
          { kind: 'separator' },
          { kind: 'item', caption: 'Pull from Stripe', functionName: 'pullFromStripe' },
        ],
      },
    ]);
    expect(services.ui.menuFunction('Pull from Stripe')).toBe('pullFromStripe');
  });

  it('answers alerts and prompts from the queue, by default with the first button', () => {
    const { SpreadsheetApp, services } = fakes();
    const ui = SpreadsheetApp.getUi();
    services.ui.answerNext({ button: 'NO' }).answerNext({ button: 'OK', text: 'spring_sale' });
    expect(ui.alert('Replace?', 'Replace the token?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const response = ui.prompt('Campaign', ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([ui.Button.OK, 'spring_sale']);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(services.ui.log).toEqual([
      { kind: 'alert', title: 'Replace?', prompt: 'Replace the token?', buttons: 'YES_NO', answer: 'NO' },
      { kind: 'prompt', title: '', prompt: 'Campaign', buttons: 'OK_CANCEL', answer: 'OK', text: 'spring_sale' },
      { kind: 'alert', title: '', prompt: 'Done', buttons: 'OK', answer: 'OK' },
      { kind: 'alert', title: '', prompt: 'Sure?', buttons: 'YES_NO', answer: 'YES' },
    ]);
    services.ui.answerNext({ button: 'NO' });
    expect(() => ui.alert('Hi')).toThrow('Scripted answer NO is not a button of ButtonSet.OK');
  });

  it('records sidebars and dialogs with their HTML', () => {
    const { SpreadsheetApp, HtmlService, services } = fakes();
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('UTM links'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>token</p>').setWidth(400).setHeight(200), 'Webhook');
    expect(services.ui.log).toEqual([
      { kind: 'sidebar', title: 'UTM links', html: '<p>hi</p>', width: null, height: null },
      { kind: 'modal', title: 'Webhook', html: '<p>token</p>', width: 400, height: 200 },
    ]);
    expect(() => {
      ui.showSidebar('<p>' as unknown as GoogleAppsScript.HTML.HtmlOutput);
    }).toThrow(/don't match the method signature for Ui.showSidebar/);
  });
});

describe('ContentService and HtmlService', () => {
  it('builds text outputs with a MIME type', () => {
    const { ContentService } = fakes();
    expect(ContentService.createTextOutput().getMimeType()).toBe(ContentService.MimeType.TEXT);
    const output = ContentService.createTextOutput('{"ok":true}').setMimeType(ContentService.MimeType.JSON);
    expect([output.getContent(), output.getMimeType()]).toEqual(['{"ok":true}', 'JSON']);
    expect(ContentService.MimeType.CSV).toBe('CSV');
    expect(() => output.setMimeType('PDF' as unknown as GoogleAppsScript.Content.MimeType)).toThrow('Invalid argument: mimeType');
  });

  it('builds HTML outputs, from files too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'html-'));
    writeFileSync(path.join(dir, 'Sidebar.html'), '<h1>Sidebar</h1>');
    const { HtmlService } = fakes({ htmlDirectory: dir });
    const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('T').setWidth(300).setHeight(200);
    expect([output.getContent(), output.getTitle(), output.getWidth(), output.getHeight()]).toEqual(['<h1>Sidebar</h1>', 'T', 300, 200]);
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<h1>Sidebar</h1>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(() => HtmlService.createTemplate('<?= 1 ?>')).toThrow(
      'HtmlService.createTemplate is not implemented by the local Apps Script runtime',
    );
  });
});

describe('ScriptApp', () => {
  it('gives the web app URL, or null when not deployed', () => {
    const { ScriptApp, services } = fakes();
    expect(ScriptApp.getService().getUrl()).toBeNull();
    services.webAppUrl = 'https://script.google.com/macros/s/abc/exec';
    expect(ScriptApp.getService().getUrl()).toBe('https://script.google.com/macros/s/abc/exec');
  });

  it('creates, lists and deletes triggers in a serializable store', () => {
    const store = new TriggerStore();
    const { ScriptApp } = fakes({ triggerStore: store });
    const trigger = ScriptApp.newTrigger('pullFromStripe').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('runScheduledSync').timeBased().everyMinutes(15).create();
    expect(trigger.getHandlerFunction()).toBe('pullFromStripe');
    expect(store.triggers.map((t) => [t.handlerFunction, t.eventType, t.triggerSource])).toEqual([
      ['pullFromStripe', 'CLOCK', 'CLOCK'],
      ['runScheduledSync', 'CLOCK', 'CLOCK'],
    ]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['pullFromStripe', 'runScheduledSync']);
    expect(store.triggers[0]?.schedule).toEqual({ everyHours: 1 });
    expect(TriggerStore.fromJSON(JSON.parse(JSON.stringify(store)) as ReturnType<TriggerStore['toJSON']>).triggers).toEqual(store.triggers);
    ScriptApp.deleteTrigger(trigger);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['runScheduledSync']);
  });

  it('enforces the schedules and the trigger limit', () => {
    const { ScriptApp } = fakes();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(/everyMinutes must be one of 1, 5, 10, 15, 30/);
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow(/need a schedule/);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });
});
