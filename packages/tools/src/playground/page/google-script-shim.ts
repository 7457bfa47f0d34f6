/**
 * `google.script` for the add-on's HTML inside the playground's iframes, injected before the page's
 * own scripts (GET /ui/<id>):
 *
 * - google.script.run: withSuccessHandler / withFailureHandler / withUserObject each return a new
 *   runner (chainable); every public server function is a method. A call sends its arguments as
 *   JSON (a <form> element becomes an object of its fields, as Apps Script does) to the playground
 *   page, which runs it in a fresh 'editor' execution (POST /api/run) and answers. The success
 *   handler gets (result, userObject); the failure handler gets (Error with the server's message,
 *   userObject); both asynchronously, as in Apps Script. Without a failure handler the error is
 *   logged to the console.
 * - google.script.host.close() closes the sidebar or dialog; setHeight / setWidth do nothing;
 *   editor.focus() gives the focus back to the grid; origin is the playground's origin.
 *
 * Opened on its own (not in the page's iframe), calls go straight to POST /api/run.
 */

interface ShimConfig {
  functions: string[];
  dialogId: string;
  /** The playground page's origin (the only one messages go to and come from). */
  parentOrigin: string;
}

type SuccessHandler = (result: unknown, userObject: unknown) => void;
type FailureHandler = (error: Error, userObject: unknown) => void;

interface Handlers {
  success: SuccessHandler | null;
  failure: FailureHandler | null;
  userObject: unknown;
}

interface RunResult {
  ok: boolean;
  result?: unknown;
  error?: string;
}

type ShimWindow = Window & { __playgroundShim?: ShimConfig; google?: unknown };

const shimWindow = window as ShimWindow;
const config: ShimConfig = shimWindow.__playgroundShim ?? { functions: [], dialogId: '', parentOrigin: window.location.origin };
const standalone = window.parent === window;
const pending = new Map<number, Handlers>();
let nextCallId = 1;

/** A form's fields as Apps Script passes a form element: name -> value (repeated names -> arrays). */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of new FormData(form).entries()) {
    const text = typeof value === 'string' ? value : value.name;
    const existing = fields[name];
    if (existing === undefined) fields[name] = text;
    else if (Array.isArray(existing)) existing.push(text);
    else fields[name] = [existing, text];
  }
  return fields;
}

function serializeArgs(args: unknown[]): unknown[] {
  const prepared = args.map((arg) => (arg instanceof HTMLFormElement ? formFields(arg) : arg));
  return JSON.parse(JSON.stringify(prepared)) as unknown[];
}

function settle(handlers: Handlers, functionName: string, outcome: RunResult): void {
  setTimeout(() => {
    if (outcome.ok) {
      handlers.success?.(outcome.result, handlers.userObject);
      return;
    }
    const error = new Error(outcome.error ?? 'The server function failed');
    if (handlers.failure) handlers.failure(error, handlers.userObject);
    else console.error(`google.script.run.${functionName} failed (no failure handler):`, error.message);
  }, 0);
}

function call(functionName: string, args: unknown[], handlers: Handlers): void {
  let payload: unknown[];
  try {
    payload = serializeArgs(args);
  } catch (error) {
    settle(handlers, functionName, {
      ok: false,
      error: `Failed due to illegal value in argument: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  if (standalone) {
    fetch('/api/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ function: functionName, args: payload }),
    })
      .then((response) => response.json() as Promise<RunResult>)
      .then(
        (reply) => {
          settle(handlers, functionName, reply);
        },
        (error: unknown) => {
          settle(handlers, functionName, { ok: false, error: error instanceof Error ? error.message : String(error) });
        },
      );
    return;
  }
  const callId = nextCallId++;
  pending.set(callId, handlers);
  window.parent.postMessage({ type: 'gs-run', callId, functionName, args: payload, dialogId: config.dialogId }, config.parentOrigin);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent || event.origin !== config.parentOrigin) return;
  const data = event.data as { type?: unknown; callId?: unknown } & RunResult;
  if (data.type !== 'gs-result' || typeof data.callId !== 'number') return;
  const handlers = pending.get(data.callId);
  if (!handlers) return;
  pending.delete(data.callId);
  settle(handlers, 'function', data);
});

type Runner = Record<string, unknown> & {
  withSuccessHandler(handler: SuccessHandler): Runner;
  withFailureHandler(handler: FailureHandler): Runner;
  withUserObject(userObject: unknown): Runner;
};

function makeRunner(handlers: Handlers): Runner {
  const runner = {
    withSuccessHandler: (handler: SuccessHandler) => makeRunner({ ...handlers, success: handler }),
    withFailureHandler: (handler: FailureHandler) => makeRunner({ ...handlers, failure: handler }),
    withUserObject: (userObject: unknown) => makeRunner({ ...handlers, userObject }),
  } as Runner;
  for (const name of config.functions) {
    if (name in runner) continue;
    runner[name] = (...args: unknown[]): void => {
      call(name, args, handlers);
    };
  }
  return runner;
}

function toParent(message: { type: string }): void {
  if (!standalone) window.parent.postMessage({ ...message, dialogId: config.dialogId }, config.parentOrigin);
}

shimWindow.google = {
  script: {
    run: makeRunner({ success: null, failure: null, userObject: undefined }),
    host: {
      origin: window.location.origin,
      close: (): void => {
        // Opened on its own, there is no panel to close: the tab is the dialog.
        if (standalone) window.close();
        toParent({ type: 'gs-close' });
      },
      setHeight: (): void => undefined,
      setWidth: (): void => undefined,
      editor: {
        focus: (): void => {
          toParent({ type: 'gs-focus-editor' });
        },
      },
    },
    url: {
      getLocation: (
        callback: (location: { hash: string; parameter: Record<string, string>; parameters: Record<string, string[]> }) => void,
      ): void => {
        callback({ hash: '', parameter: {}, parameters: {} });
      },
    },
  },
};

export {};
