/** Starts a playground on a free port over a temporary state file, and talks to it with fetch. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunReply, StateView } from '../../src/playground/api-types';
import { startPlayground, type RunningPlayground, type StartPlaygroundOptions } from '../../src/playground/server';

export interface TestPlayground extends RunningPlayground {
  dir: string;
  get(pathAndQuery: string): Promise<Response>;
  post(pathAndQuery: string, body: unknown): Promise<Response>;
  state(sheet?: string): Promise<StateView>;
  menu(functionName: string, answers?: unknown[]): Promise<RunReply>;
  run(functionName: string, args?: unknown[]): Promise<RunReply>;
  /** A tab's shown values as rows, from GET /api/state. */
  values(sheet: string): Promise<string[][]>;
  /** Stops the server; `keep` leaves the state folder for a restart. */
  stop(keep?: boolean): Promise<void>;
}

export function tempStateFile(): { dir: string; stateFile: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-test-'));
  return { dir, stateFile: path.join(dir, '.playground', 'state.json') };
}

export async function startTestPlayground(options: StartPlaygroundOptions = {}): Promise<TestPlayground> {
  const { dir, stateFile } =
    options.stateFile === undefined
      ? tempStateFile()
      : { dir: path.dirname(path.dirname(options.stateFile)), stateFile: options.stateFile };
  const running = await startPlayground({ port: 0, quiet: true, ...options, stateFile });
  const get = (pathAndQuery: string): Promise<Response> => fetch(`${running.url}${pathAndQuery}`);
  const post = (pathAndQuery: string, body: unknown): Promise<Response> =>
    fetch(`${running.url}${pathAndQuery}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const state = async (sheet?: string): Promise<StateView> =>
    (await get(`/api/state${sheet === undefined ? '' : `?sheet=${encodeURIComponent(sheet)}`}`)).json() as Promise<StateView>;
  return {
    ...running,
    dir,
    get,
    post,
    state,
    menu: async (functionName, answers = []) => (await post('/api/menu', { function: functionName, answers })).json() as Promise<RunReply>,
    run: async (functionName, args = []) => (await post('/api/run', { function: functionName, args })).json() as Promise<RunReply>,
    values: async (sheet) => {
      const view = await state(sheet);
      const tab = view.sheets?.find((candidate) => candidate.name === sheet);
      if (!tab?.cells) throw new Error(`no tab ${sheet}`);
      const rows: string[][] = Array.from({ length: tab.lastRow }, () => new Array<string>(tab.lastColumn).fill(''));
      for (const [row, column, shown] of tab.cells) {
        const line = rows[row - 1];
        if (line && column <= tab.lastColumn) line[column - 1] = shown;
      }
      return rows;
    },
    stop: async (keep = false) => {
      await running.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Delivery {
  /** What the sender (Stripe) sees: 302 when doPost ran, as from Google's /exec. */
  front: Response;
  /** The Location's GET (doPost's answer), when the front answered 302. */
  answer: Response | null;
}

/** POSTs to the webhook endpoint without following the redirect, then follows it by hand, as the relay does. */
export async function deliverTo(webhookUrl: string, body: string, headers: Record<string, string> = {}): Promise<Delivery> {
  const front = await fetch(webhookUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body,
  });
  const location = front.headers.get('location');
  if (front.status !== 302 || location === null) return { front, answer: null };
  await front.text();
  return { front, answer: await fetch(new URL(location, webhookUrl)) };
}
