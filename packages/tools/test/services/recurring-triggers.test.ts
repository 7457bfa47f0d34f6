/**
 * Recurring clock triggers (everyMinutes, everyHours) on a fake clock: the playground's clock runs
 * them on their schedule (fireDueTriggers with `recurring`), once per slot, never making up missed
 * runs; tests that fire only one-off triggers are unchanged (issue 17).
 */
import { fireDueTriggers, nextRunMs, PropertyStores, runWithServices, TriggerStore, type ScriptWithServices } from '../../src/services';

const MINUTE = 60_000;

const SCRIPT = `
function every(minutes) { ScriptApp.newTrigger('tick').timeBased().everyMinutes(minutes).create(); }
function hourly() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function later(ms) { ScriptApp.newTrigger('once').timeBased().after(ms).create(); }
function tick(e) {
  var props = PropertiesService.getScriptProperties();
  props.setProperty('ticks', String(Number(props.getProperty('ticks') || 0) + 1));
  props.setProperty('uid', e.triggerUid);
}
function once() { PropertiesService.getScriptProperties().setProperty('once', 'ran'); }
function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }
`;

function project(): { store: TriggerStore; properties: PropertyStores; execution: () => ScriptWithServices } {
  const store = new TriggerStore();
  const properties = new PropertyStores();
  return { store, properties, execution: () => runWithServices(SCRIPT, { triggerStore: store, propertyStores: properties }) };
}

/** A trigger made at a known time, so the fake clock below is exact. */
function madeAt(store: TriggerStore, at: number): void {
  for (const trigger of store.triggers) trigger.created = new Date(at).toISOString();
}

describe('a recurring trigger on the playground clock', () => {
  const t0 = Date.parse('2026-03-02T10:00:00Z');

  it('is first due one interval after it was made, then every interval', () => {
    const { store, properties, execution } = project();
    execution().runtime.call('every', 15);
    madeAt(store, t0);
    const run = (at: number) => fireDueTriggers(store, new Date(at), execution, { recurring: true });
    expect(run(t0 + 14 * MINUTE)).toEqual([]);
    expect(run(t0 + 15 * MINUTE).map((fired) => [fired.trigger.handlerFunction, fired.ok])).toEqual([['tick', true]]);
    expect(properties.script.get('ticks')).toBe('1');
    expect(properties.script.get('uid')).toBe(store.triggers[0]?.uniqueId);
    expect(run(t0 + 16 * MINUTE)).toEqual([]);
    expect(nextRunMs(store.triggers[0]!)).toBe(t0 + 30 * MINUTE);
    expect(run(t0 + 30 * MINUTE)).toHaveLength(1);
    expect(properties.script.get('ticks')).toBe('2');
    // Still listed, unlike a spent one-off trigger: it runs again.
    expect(store.triggers).toHaveLength(1);
  });

  it('runs once after a long pause, not once per missed slot, and keeps to its slots', () => {
    const { store, properties, execution } = project();
    execution().runtime.call('hourly');
    madeAt(store, t0);
    expect(fireDueTriggers(store, new Date(t0 + 5.5 * 60 * MINUTE), execution, { recurring: true })).toHaveLength(1);
    expect(properties.script.get('ticks')).toBe('1');
    expect(nextRunMs(store.triggers[0]!)).toBe(t0 + 6 * 60 * MINUTE);
  });

  it('is left alone unless asked for: tests that fire one-off triggers see no scheduled run', () => {
    const { store, properties, execution } = project();
    execution().runtime.call('every', 5);
    execution().runtime.call('later', MINUTE);
    madeAt(store, t0);
    store.triggers[1]!.schedule!.runAt = new Date(t0 + MINUTE).toISOString();
    expect(fireDueTriggers(store, new Date(t0 + 10 * MINUTE), execution).map((fired) => fired.trigger.handlerFunction)).toEqual(['once']);
    expect(properties.script.get('ticks')).toBeNull();
  });

  it('keeps its next run across a save and a restart', () => {
    const { store, execution } = project();
    execution().runtime.call('every', 15);
    madeAt(store, t0);
    fireDueTriggers(store, new Date(t0 + 15 * MINUTE), execution, { recurring: true });
    const restored = TriggerStore.fromJSON(JSON.parse(JSON.stringify(store)) as ReturnType<TriggerStore['toJSON']>);
    expect(nextRunMs(restored.triggers[0]!)).toBe(t0 + 30 * MINUTE);
  });

  it("gives each trigger's unique id, the triggerUid its runs get", () => {
    const { store, execution } = project();
    execution().runtime.call('every', 15);
    expect(execution().runtime.call('mine')).toEqual([store.triggers[0]?.uniqueId]);
  });
});
