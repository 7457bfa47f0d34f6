/**
 * The sidebars and dialogs the add-on showed, kept so the page can load each one's HTML in an
 * iframe (GET /ui/<id>), with the google.script shim injected before the page's own scripts.
 */
import { randomBytes } from 'node:crypto';
import type { DialogRecord } from '../services/ui';
import type { DialogRef } from './api-types';

/** How many dialogs are kept (the page only ever shows the latest sidebar and dialog). */
const KEPT = 50;

export class DialogStore {
  private readonly dialogs = new Map<string, DialogRecord>();

  add(record: DialogRecord): DialogRef {
    const id = randomBytes(8).toString('hex');
    this.dialogs.set(id, record);
    for (const old of this.dialogs.keys()) {
      if (this.dialogs.size <= KEPT) break;
      this.dialogs.delete(old);
    }
    return { id, kind: record.kind, title: record.title, width: record.width, height: record.height, url: `/ui/${id}` };
  }

  get(id: string): DialogRecord | null {
    return this.dialogs.get(id) ?? null;
  }
}

/** A script element safe to inline: `</script` inside it would end it early. */
export function inlineScript(source: string): string {
  return `<script>${source.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

/**
 * The dialog's HTML with `script` (a whole <script> element) placed before anything the page runs:
 * right after <head>, else after <html>, else after the doctype, else at the very start.
 */
export function injectBeforeScripts(html: string, script: string): string {
  for (const pattern of [/<head(?:\s[^>]*)?>/i, /<html(?:\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    const match = pattern.exec(html);
    if (match) {
      const end = match.index + match[0].length;
      // Only when nothing executable comes before the tag.
      if (!/<script/i.test(html.slice(0, match.index))) return html.slice(0, end) + script + html.slice(end);
    }
  }
  return script + html;
}
