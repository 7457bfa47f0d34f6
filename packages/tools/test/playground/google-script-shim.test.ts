/**
 * The google.script shim injected into the add-on's HTML, run in a bare context with just enough of
 * a window: chainable runners, handlers called asynchronously with the user object, failures as
 * Errors, messages only to and from the page's origin, host.close and editor.focus.
 */
import vm from 'node:vm';
import { buildPageAssets, type PageAssets } from '../../src/playground/page-assets';

const PARENT_ORIGIN = 'http://localhost:8787';

interface Posted {
  message: Record<string, unknown>;
  origin: string;
}

interface Frame {
  google: {
    script: {
      run: Record<string, (...args: unknown[]) => unknown>;
      host: { close(): void; setHeight(height: number): void; setWidth(width: number): void; editor: { focus(): void }; origin: string };
    };
  };
  posted: Posted[];
  /** A message as the page would post it to the frame. */
  receive(data: unknown, origin?: string): void;
  fetches: Array<{ url: string; body: string }>;
}

class FakeForm {
  constructor(readonly fields: Array<[string, string]>) {}
}

class FakeFormData {
  constructor(private readonly form: FakeForm) {}

  entries(): IterableIterator<[string, string]> {
    return this.form.fields[Symbol.iterator]();
  }
}

let assets: PageAssets;

beforeAll(async () => {
  assets = await buildPageAssets();
});

function loadShim(options: { standalone?: boolean; functions?: string[] } = {}): Frame {
  const posted: Posted[] = [];
  const listeners: Array<(event: unknown) => void> = [];
  const fetches: Array<{ url: string; body: string }> = [];
  const parent = {
    postMessage: (message: Record<string, unknown>, origin: string) => {
      posted.push({ message, origin });
    },
  };
  const window: Record<string, unknown> = {
    location: { origin: 'http://127.0.0.1:8787' },
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    close: () => undefined,
    __playgroundShim: { functions: options.functions ?? ['sidebarContext', 'UTM_CLEAN'], dialogId: 'abc', parentOrigin: PARENT_ORIGIN },
  };
  window['parent'] = options.standalone ? window : parent;
  const fetchStub = (url: string, init: { body: string }) => {
    fetches.push({ url, body: init.body });
    return Promise.resolve({ json: () => Promise.resolve({ ok: true, result: 'from fetch' }) });
  };
  vm.runInNewContext(assets.shim, { window, setTimeout, console, HTMLFormElement: FakeForm, FormData: FakeFormData, fetch: fetchStub });
  return {
    google: window['google'] as Frame['google'],
    posted,
    fetches,
    receive: (data, origin = PARENT_ORIGIN) => {
      for (const listener of listeners) listener({ source: parent, origin, data });
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('google.script.run', () => {
  it('offers the server functions as methods, and posts a call to the page only', () => {
    const frame = loadShim();
    expect(typeof frame.google.script.run['sidebarContext']).toBe('function');
    expect(frame.google.script.run['notAServerFunction']).toBeUndefined();
    const result = frame.google.script.run['UTM_CLEAN']!('Été', true);
    expect(result).toBeUndefined();
    expect(frame.posted).toEqual([
      { message: { type: 'gs-run', callId: 1, functionName: 'UTM_CLEAN', args: ['Été', true], dialogId: 'abc' }, origin: PARENT_ORIGIN },
    ]);
  });

  it('calls the success handler later with the result and the user object', async () => {
    const frame = loadShim();
    const success = jest.fn();
    const runner = frame.google.script.run as unknown as {
      withSuccessHandler(f: unknown): { withUserObject(o: unknown): Record<string, (...args: unknown[]) => void> };
    };
    runner.withSuccessHandler(success).withUserObject({ row: 3 })['sidebarContext']!();
    frame.receive({ type: 'gs-result', callId: 1, ok: true, result: { sheetName: 'Links' } });
    expect(success).not.toHaveBeenCalled(); // asynchronously, as in Apps Script
    await tick();
    expect(success).toHaveBeenCalledWith({ sheetName: 'Links' }, { row: 3 });
  });

  it("gives the failure handler an Error with the server's message", async () => {
    const frame = loadShim();
    const failure = jest.fn();
    const success = jest.fn();
    const runner = frame.google.script.run as unknown as {
      withFailureHandler(f: unknown): { withSuccessHandler(f: unknown): Record<string, (...args: unknown[]) => void> };
    };
    runner.withFailureHandler(failure).withSuccessHandler(success)['UTM_CLEAN']!();
    frame.receive({ type: 'gs-result', callId: 1, ok: false, error: 'utm_source: "a b" has a space' });
    await tick();
    expect(success).not.toHaveBeenCalled();
    const [error, userObject] = failure.mock.calls[0] as [Error, unknown];
    expect(error.constructor.name).toBe('Error');
    expect(error.message).toBe('utm_source: "a b" has a space');
    expect(userObject).toBeUndefined();
  });

  it('keeps handlers on the runner they were given to, and ignores other origins', async () => {
    const frame = loadShim();
    const success = jest.fn();
    const runner = frame.google.script.run as unknown as { withSuccessHandler(f: unknown): Record<string, (...args: unknown[]) => void> };
    const withHandler = runner.withSuccessHandler(success);
    frame.google.script.run['UTM_CLEAN']!('plain'); // callId 1: no handler
    withHandler['UTM_CLEAN']!('handled'); // callId 2
    frame.receive({ type: 'gs-result', callId: 2, ok: true, result: 'evil' }, 'http://evil.example');
    frame.receive({ type: 'gs-result', callId: 1, ok: true, result: 'one' });
    await tick();
    expect(success).not.toHaveBeenCalled();
    frame.receive({ type: 'gs-result', callId: 2, ok: true, result: 'two' });
    await tick();
    expect(success).toHaveBeenCalledTimes(1);
    expect(success).toHaveBeenCalledWith('two', undefined);
  });

  it('sends a form element as an object of its fields', () => {
    const frame = loadShim();
    frame.google.script.run['UTM_CLEAN']!(
      new FakeForm([
        ['utm_source', 'news letter'],
        ['tag', 'a'],
        ['tag', 'b'],
      ]),
    );
    expect(frame.posted[0]?.message['args']).toEqual([{ utm_source: 'news letter', tag: ['a', 'b'] }]);
  });

  it('on its own (no page around it) calls POST /api/run directly', async () => {
    const frame = loadShim({ standalone: true });
    const success = jest.fn();
    const runner = frame.google.script.run as unknown as { withSuccessHandler(f: unknown): Record<string, (...args: unknown[]) => void> };
    runner.withSuccessHandler(success)['sidebarContext']!(1, 'two');
    await tick();
    expect(frame.fetches).toEqual([{ url: '/api/run', body: JSON.stringify({ function: 'sidebarContext', args: [1, 'two'] }) }]);
    expect(success).toHaveBeenCalledWith('from fetch', undefined);
  });
});

describe('google.script.host', () => {
  it('asks the page to close the panel or focus the grid; sizes are ignored', () => {
    const frame = loadShim();
    frame.google.script.host.setHeight(300);
    frame.google.script.host.setWidth(300);
    frame.google.script.host.close();
    frame.google.script.host.editor.focus();
    expect(frame.posted).toEqual([
      { message: { type: 'gs-close', dialogId: 'abc' }, origin: PARENT_ORIGIN },
      { message: { type: 'gs-focus-editor', dialogId: 'abc' }, origin: PARENT_ORIGIN },
    ]);
    expect(frame.google.script.host.origin).toBe('http://127.0.0.1:8787');
  });
});
