/**
 * Shared by the sync-state suites: the clock they run at, and one sync execution as
 * src/gas/sync.ts runs it, against a fake of Stripe's event list.
 */
import { eventsPagePath } from '../../../src/core/stripe/stripe-api';
import { afterPage, nextRun, parseSyncState, seenOnPage, type SyncState } from '../../../src/core/stripe/sync-state';

export const DAY = 86_400;
export const NOW = 1_750_000_000;
export const FRESH: SyncState = { cursor: null, run: null };

export interface FakeEvent {
  id: string;
  created: number;
}

/**
 * Stripe's GET /v1/events for the path the add-on builds: newest first (ties by id, newest id
 * first), `created[gte]`, `starting_after`, `limit`. Reading the path keeps eventsPagePath honest.
 */
function listEvents(all: readonly FakeEvent[], path: string): { data: FakeEvent[]; has_more: boolean } {
  const params = new Map<string, string>();
  for (const pair of (path.split('?')[1] ?? '').split('&')) {
    const [name = '', value = ''] = pair.split('=');
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  const since = Number(params.get('created[gte]'));
  const limit = Number(params.get('limit'));
  const sorted = all
    .filter((event) => event.created >= since)
    .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = params.get('starting_after');
  const start = after === undefined ? 0 : sorted.findIndex((event) => event.id === after) + 1;
  if (after !== undefined && start === 0) throw new Error(`no such event ${after}`);
  const data = sorted.slice(start, start + limit);
  return { data, has_more: start + limit < sorted.length };
}

/** One sync execution as src/gas/sync.ts runs it: state read from text, saved as text after every page. */
export function execute(
  stateText: string | null,
  events: readonly FakeEvent[],
  options: { now: number; firstRunDays: number | null; pageSize: number; stopAfterPages?: number },
): { stateText: string | null; seen: FakeEvent[]; paths: string[]; complete: boolean } {
  let state = parseSyncState(stateText);
  let run = nextRun(state, options.now, options.firstRunDays);
  const seen: FakeEvent[] = [];
  const paths: string[] = [];
  if (run === null) return { stateText, seen, paths, complete: false };
  for (let pages = 0; ; pages++) {
    if (pages === options.stopAfterPages) return { stateText, seen, paths, complete: false };
    const path = eventsPagePath(run.since, run.startingAfter, options.pageSize);
    paths.push(path);
    const page = listEvents(events, path);
    seen.push(...page.data);
    state = afterPage(state, run, seenOnPage(page.data, options.now), page.has_more, options.now);
    stateText = JSON.stringify(state);
    if (state.run === null) return { stateText, seen, paths, complete: true };
    run = state.run;
  }
}
