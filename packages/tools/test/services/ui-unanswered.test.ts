/** UiFake.stopWhenUnanswered: what the playground uses to ask the user between two runs. */
import { fakes } from './fixtures';

describe('Ui with stopWhenUnanswered', () => {
  it('stops at a prompt with no answer queued, and records what it asked', () => {
    const { SpreadsheetApp, services } = fakes();
    services.ui.stopWhenUnanswered = true;
    const ui = SpreadsheetApp.getUi();
    // Thrown into the script as a service's Exception; the fake remembers what was asked.
    expect(() => ui.prompt('First sync', 'How many days?', ui.ButtonSet.OK_CANCEL)).toThrow(
      'The script is waiting for an answer to the prompt "First sync"',
    );
    expect(services.ui.unanswered).toEqual({ kind: 'prompt', title: 'First sync', prompt: 'How many days?', buttons: 'OK_CANCEL' });
    expect(services.ui.log).toEqual([]);
  });

  it('stops at an alert with a choice, but not at a plain alert', () => {
    const { SpreadsheetApp, services } = fakes();
    services.ui.stopWhenUnanswered = true;
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert('Synced.')).toBe('OK');
    expect(() => ui.alert('Sure?', ui.ButtonSet.YES_NO)).toThrow(/waiting for an answer to the alert/);
    expect(services.ui.unanswered).toMatchObject({ kind: 'alert', buttons: 'YES_NO' });
  });

  it('uses queued answers first, as without the option', () => {
    const { SpreadsheetApp, services } = fakes();
    services.ui.stopWhenUnanswered = true;
    services.ui.answerNext({ button: 'OK', text: '30' });
    const ui = SpreadsheetApp.getUi();
    const response = ui.prompt('First sync', 'How many days?', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('30');
    expect(services.ui.unanswered).toBeNull();
    expect(() => ui.prompt('Again?')).toThrow(/waiting for an answer to the prompt "Again\?"/);
  });

  it('is off by default: unanswered dialogs take their first button', () => {
    const { SpreadsheetApp } = fakes();
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe('YES');
  });
});
