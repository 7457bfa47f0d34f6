/**
 * The add-on's HTML: a sidebar in a 300-pixel panel at the right of the grid, a dialog over it,
 * each in an iframe served by the playground (GET /ui/<id>) with the google.script shim. The
 * shim posts its calls here; they run through the same runner as the menu (so prompts, alerts and
 * the grid refresh work the same), and the result goes back to the iframe.
 *
 * As in Apps Script, the iframe is of another origin than the page: the page on localhost loads
 * it from 127.0.0.1 and the other way round (same server), so the add-on's HTML has its own
 * storage and cannot reach into the page; the two talk by postMessage only.
 */

/** The other name of this loopback server: the iframes' origin. */
export function frameOrigin(location: Location = window.location): string {
  const host = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${host}${location.port === '' ? '' : `:${location.port}`}`;
}
import type { DialogRef } from '../api-types';
import { byId, byIdOf } from './dom';
import { runOnServer, type RunEffects } from './runner';

const SANDBOX = 'allow-scripts allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';

interface ShimMessage {
  type: 'gs-run' | 'gs-close' | 'gs-focus-editor';
  callId?: number;
  functionName?: string;
  args?: unknown[];
}

function isShimMessage(data: unknown): data is ShimMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('gs-')
  );
}

export class Panels {
  private readonly sidebar = byId('sidebar');
  private readonly sidebarFrame = byIdOf('sidebar-frame', HTMLIFrameElement);
  private readonly dialog = byIdOf('html-dialog', HTMLDialogElement);
  private readonly dialogFrame = byIdOf('html-dialog-frame', HTMLIFrameElement);

  constructor(
    private readonly effects: () => RunEffects,
    private readonly focusEditor: () => void,
  ) {
    byId('sidebar-close').addEventListener('click', () => {
      this.closeSidebar();
    });
    byId('html-dialog-close').addEventListener('click', () => {
      this.closeDialog();
    });
    this.dialog.addEventListener('close', () => {
      this.unload(this.dialogFrame);
    });
    window.addEventListener('message', (event) => {
      this.onMessage(event);
    });
  }

  /** Loads the add-on's HTML, sandboxed as Apps Script does (no navigating the page away). */
  private load(frame: HTMLIFrameElement, ref: DialogRef): void {
    frame.setAttribute('sandbox', SANDBOX);
    frame.src = `${frameOrigin()}${ref.url}?parent=${encodeURIComponent(window.location.origin)}`;
  }

  /** Empties a frame (an empty frame is of the page's origin: no sandbox then). */
  private unload(frame: HTMLIFrameElement): void {
    frame.removeAttribute('sandbox');
    frame.src = 'about:blank';
  }

  show(ref: DialogRef): void {
    if (ref.kind === 'sidebar') {
      byId('sidebar-title').textContent = ref.title;
      this.sidebarFrame.title = ref.title === '' ? 'Add-on sidebar' : ref.title;
      this.load(this.sidebarFrame, ref);
      this.sidebar.hidden = false;
      return;
    }
    byId('html-dialog-title').textContent = ref.title;
    this.dialogFrame.title = ref.title === '' ? 'Add-on dialog' : ref.title;
    this.dialogFrame.style.width = `${String(ref.width ?? 600)}px`;
    this.dialogFrame.style.height = `${String(ref.height ?? 400)}px`;
    this.load(this.dialogFrame, ref);
    if (this.dialog.open) this.dialog.close();
    if (ref.kind === 'modal') this.dialog.showModal();
    else this.dialog.show();
  }

  closeSidebar(): void {
    this.sidebar.hidden = true;
    this.unload(this.sidebarFrame);
    this.focusEditor();
  }

  closeDialog(): void {
    if (this.dialog.open) this.dialog.close();
    this.focusEditor();
  }

  private onMessage(event: MessageEvent): void {
    const origin = frameOrigin();
    if (event.origin !== origin || !isShimMessage(event.data)) return;
    const fromSidebar = event.source === this.sidebarFrame.contentWindow;
    const fromDialog = event.source === this.dialogFrame.contentWindow;
    if (!fromSidebar && !fromDialog) return;
    const source = event.source as Window;
    const message = event.data;
    if (message.type === 'gs-close') {
      if (fromSidebar) this.closeSidebar();
      else this.closeDialog();
    } else if (message.type === 'gs-focus-editor') {
      this.focusEditor();
    } else if (typeof message.functionName === 'string' && typeof message.callId === 'number') {
      const callId = message.callId;
      const name = message.functionName;
      runOnServer(
        '/api/run',
        { function: name, args: Array.isArray(message.args) ? message.args : [] },
        `${name}()`,
        this.effects(),
        true,
      ).then(
        (reply) => {
          source.postMessage({ type: 'gs-result', callId, ok: reply.ok, result: reply.result, error: reply.error }, origin);
        },
        (error: unknown) => {
          source.postMessage(
            { type: 'gs-result', callId, ok: false, error: error instanceof Error ? error.message : String(error) },
            origin,
          );
        },
      );
    }
  }
}
