/** The local runtime must be no kinder than Apps Script: what Apps Script lacks, it lacks too. */
import { AppsScriptRuntime, GLOBALS_APPS_SCRIPT_LACKS, ScriptError } from '../src/apps-script-runtime';

describe('AppsScriptRuntime', () => {
  it.each(GLOBALS_APPS_SCRIPT_LACKS)('has no %s', (name) => {
    const runtime = new AppsScriptRuntime('');
    expect(runtime.evaluate(`typeof ${name}`)).toBe('undefined');
  });

  it('fails code that reaches for a Node global, as Apps Script would', () => {
    const runtime = new AppsScriptRuntime('function host(link) { return new URL(link).host; }');
    expect(() => runtime.call('host', 'https://buy.stripe.com/x')).toThrow(ScriptError);
    expect(() => runtime.call('host', 'https://buy.stripe.com/x')).toThrow(/URL is not defined/);
  });

  it('hands over arrays and dates as values of the script realm, as Sheets does', () => {
    const runtime = new AppsScriptRuntime(
      'function kinds(grid, when) { return [Array.isArray(grid) && grid instanceof Array, when instanceof Date]; }',
    );
    expect(runtime.call('kinds', [['a']], new Date(0))).toEqual([true, true]);
  });

  it('keeps ECMAScript built-ins Apps Script V8 has', () => {
    const runtime = new AppsScriptRuntime('');
    expect(runtime.evaluate('[typeof JSON, typeof Intl, typeof Map, "é".normalize("NFD").length, encodeURIComponent("a b")]')).toEqual([
      'object',
      'object',
      'function',
      2,
      'a%20b',
    ]);
  });

  it('records console and Logger output', () => {
    const runtime = new AppsScriptRuntime('function hello() { console.log("a", 1); Logger.log("b"); }');
    runtime.call('hello');
    expect(runtime.logs).toEqual([
      { level: 'log', message: 'a 1' },
      { level: 'log', message: 'b' },
    ]);
  });

  it('only calls functions the script declares', () => {
    const runtime = new AppsScriptRuntime('var notAFunction = 1;');
    expect(() => runtime.call('notAFunction')).toThrow(/not found/);
    expect(() => runtime.call('process.exit')).toThrow(/not found/);
  });
});
