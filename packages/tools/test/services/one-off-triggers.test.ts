/**
 * One-off clock triggers (ClockTriggerBuilder.after), firing what is due, and the counters of
 * Properties and ScriptApp calls.
 */
import { fireDueTriggers, PropertyStores, runWithServices, TriggerStore, type ScriptWithServices } from '../../src/services';
import { fakes } from './fixtures';

const MINUTE = 60_000;

const SCRIPT = `
function later(ms, name) { ScriptApp.newTrigger(name || 'tick').timeBased().after(ms).create(); }
function tick(e) {
  var props = PropertiesService.getScriptProperties();
  props.setProperty('ticks', String(Number(props.getProperty('ticks') || 0) + 1));
  props.setProperty('uid', e.triggerUid);
}
function tidy() {
  ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getHandlerFunction() !== 'tidy') ScriptApp.deleteTrigger(t); });
}
function boom() { throw new Error('kaboom'); }
`;

/** One script, shared state, one fresh execution per call: as the local add-on runs. */
function project(): { store: TriggerStore; properties: PropertyStores; execution: () => ScriptWithServices } {
  const store = new TriggerStore();
  const properties = new PropertyStores();
  return { store, properties, execution: () => runWithServices(SCRIPT, { triggerStore: store, propertyStores: properties }) };
}

describe('ClockTriggerBuilder.after', () => {
  it('creates a one-off trigger due that many milliseconds from now, which serializes', () => {
    const store = new TriggerStore();
    const { ScriptApp } = fakes({ triggerStore: store });
    const before = Date.now();
    const trigger = ScriptApp.newTrigger('refresh')
      .timeBased()
      .after(2 * MINUTE)
      .create();
    expect(trigger.getHandlerFunction()).toBe('refresh');
    const [record] = store.triggers;
    expect(record).toMatchObject({ handlerFunction: 'refresh', eventType: 'CLOCK', schedule: { after: 2 * MINUTE } });
    expect(Date.parse(record!.schedule!.runAt!)).toBeGreaterThanOrEqual(before + 2 * MINUTE);
    expect(Date.parse(record!.schedule!.runAt!)).toBeLessThanOrEqual(Date.now() + 2 * MINUTE);
    expect(TriggerStore.fromJSON(JSON.parse(JSON.stringify(store)) as ReturnType<TriggerStore['toJSON']>).triggers).toEqual(store.triggers);
  });

  it('takes a whole number of milliseconds, and is not also recurring', () => {
    const { ScriptApp } = fakes();
    expect(() => ScriptApp.newTrigger('f').timeBased().after(-1)).toThrow(/Invalid argument: durationMilliseconds/);
    expect(() => ScriptApp.newTrigger('f').timeBased().after(1.5)).toThrow(/Invalid argument/);
    expect(() => ScriptApp.newTrigger('f').timeBased().after(MINUTE).everyMinutes(5).create()).toThrow(/either recurring .* or one-off/);
  });
});

describe('fireDueTriggers', () => {
  it('runs each one-off trigger once it is due, in a fresh trigger execution; spent, it stays listed', () => {
    const { store, properties, execution } = project();
    execution().runtime.call('later', 2 * MINUTE);
    expect(fireDueTriggers(store, new Date(), execution)).toEqual([]);
    const [fired, ...more] = fireDueTriggers(store, new Date(Date.now() + 3 * MINUTE), execution);
    expect(more).toEqual([]);
    expect(fired).toMatchObject({ ok: true, trigger: { handlerFunction: 'tick' } });
    expect(properties.script.get('ticks')).toBe('1');
    expect(properties.script.get('uid')).toBe(fired!.trigger.uniqueId);
    // Apps Script leaves a one-off trigger that ran in the project until the script deletes it.
    expect(store.triggers).toHaveLength(1);
    expect(store.triggers[0]!.ranAt).toEqual(expect.any(String));
    expect(fireDueTriggers(store, new Date(Date.now() + 60 * MINUTE), execution)).toEqual([]);
    expect(properties.script.get('ticks')).toBe('1');
  });

  it('runs the earliest first, skips one an earlier run deleted, and reports a run that failed', () => {
    const { store, properties, execution } = project();
    execution().runtime.call('later', 3 * MINUTE, 'boom');
    execution().runtime.call('later', 2 * MINUTE, 'tidy');
    execution().runtime.call('later', 4 * MINUTE, 'tick');
    execution().runtime.call('later', 60 * MINUTE, 'boom');
    const fired = fireDueTriggers(store, new Date(Date.now() + 5 * MINUTE), execution);
    // tidy deleted both boom triggers and the tick: only tidy ran.
    expect(fired.map((f) => [f.trigger.handlerFunction, f.ok])).toEqual([['tidy', true]]);
    expect(properties.script.get('ticks')).toBeNull();

    execution().runtime.call('later', MINUTE, 'boom');
    const [failed] = fireDueTriggers(store, new Date(Date.now() + 2 * MINUTE), execution);
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/kaboom/) as string, trigger: { handlerFunction: 'boom' } });
  });

  it('leaves recurring triggers to their own clock', () => {
    const { store, execution } = project();
    const { ScriptApp } = fakes({ triggerStore: store });
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    expect(fireDueTriggers(store, new Date(Date.now() + 24 * 60 * MINUTE), execution)).toEqual([]);
  });
});

describe('serviceCalls', () => {
  it('counts each Properties and ScriptApp call of the execution, builders included, until reset', () => {
    const { services, PropertiesService, ScriptApp } = fakes();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    ScriptApp.newTrigger('f').timeBased().after(MINUTE).create();
    ScriptApp.getProjectTriggers().forEach((t) => {
      ScriptApp.deleteTrigger(t);
    });
    expect(services.stats().serviceCalls).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'Properties.setProperty': 1,
      'Properties.getProperty': 2,
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.timeBased': 1,
      'ClockTriggerBuilder.after': 1,
      'ClockTriggerBuilder.create': 1,
      'ScriptApp.getProjectTriggers': 1,
      'ScriptApp.deleteTrigger': 1,
    });
    services.resetStats();
    expect(services.stats().serviceCalls).toEqual({});
  });
});
