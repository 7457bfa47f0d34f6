/**
 * ContentService (TextOutput) and HtmlService (HtmlOutput, templates). Enum values are their names
 * as strings ('JSON', 'IFRAME', ...), which compare like Apps Script's enum objects do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { facade, textOf, unwrapFacade, type ServiceEnvironment } from './script-realm';

export const CONTENT_MIME_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;
export type ContentMimeType = keyof typeof CONTENT_MIME_TYPES;

const MIME_TYPE_ENUM = Object.freeze(
  Object.fromEntries(Object.keys(CONTENT_MIME_TYPES).map((name) => [name, name])) as { [K in ContentMimeType]: K },
);

export const SANDBOX_MODE = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const X_FRAME_OPTIONS_MODE = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

function isContentMimeType(value: unknown): value is ContentMimeType {
  return typeof value === 'string' && value in CONTENT_MIME_TYPES;
}

export class TextOutputImpl {
  private content: string;
  private mimeType: ContentMimeType = 'TEXT';
  private fileName: string | null = null;

  constructor(
    private readonly env: ServiceEnvironment,
    content: unknown,
  ) {
    this.content = textOf(content);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: unknown): this {
    this.content = textOf(content);
    return this._self();
  }

  append(addedContent: unknown): this {
    this.content += textOf(addedContent);
    return this._self();
  }

  clear(): this {
    this.content = '';
    return this._self();
  }

  getMimeType(): ContentMimeType {
    return this.mimeType;
  }

  setMimeType(mimeType: unknown): this {
    if (!isContentMimeType(mimeType)) throw new Error('Invalid argument: mimeType');
    this.mimeType = mimeType;
    return this._self();
  }

  downloadAsFile(filename: unknown): this {
    this.fileName = textOf(filename);
    return this._self();
  }

  getFileName(): string | null {
    return this.fileName;
  }

  private _self(): this {
    return facade(this, this.env.realm, { name: 'TextOutput' });
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

export class HtmlOutputImpl {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SANDBOX_MODE.IFRAME;
  private xFrameOptionsMode: string = X_FRAME_OPTIONS_MODE.DEFAULT;
  private faviconUrl: string | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: ServiceEnvironment,
    content: unknown,
  ) {
    this.content = textOf(content);
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: unknown): this {
    this.content = textOf(content);
    return this._self();
  }

  append(addedContent: unknown): this {
    this.content += textOf(addedContent);
    return this._self();
  }

  appendUntrusted(addedContent: unknown): this {
    this.content += escapeHtml(textOf(addedContent));
    return this._self();
  }

  clear(): this {
    this.content = '';
    return this._self();
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: unknown): this {
    this.title = textOf(title);
    return this._self();
  }

  /** null until set (Sheets then uses its own default size). */
  getWidth(): number | null {
    return this.width;
  }

  setWidth(width: unknown): this {
    this.width = Number(width);
    return this._self();
  }

  getHeight(): number | null {
    return this.height;
  }

  setHeight(height: unknown): this {
    this.height = Number(height);
    return this._self();
  }

  setSandboxMode(mode: unknown): this {
    if (typeof mode !== 'string' || !(mode in SANDBOX_MODE)) throw new Error('Invalid argument: mode');
    this.sandboxMode = mode;
    return this._self();
  }

  getSandboxMode(): string {
    return this.sandboxMode;
  }

  setXFrameOptionsMode(mode: unknown): this {
    if (typeof mode !== 'string' || !(mode in X_FRAME_OPTIONS_MODE)) throw new Error('Invalid argument: mode');
    this.xFrameOptionsMode = mode;
    return this._self();
  }

  getXFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }

  addMetaTag(name: unknown, content: unknown): this {
    this.metaTags.push({ name: textOf(name), content: textOf(content) });
    return this._self();
  }

  getMetaTags(): { name: string; content: string }[] {
    return this.env.realm.toScript(this.metaTags) as { name: string; content: string }[];
  }

  setFaviconUrl(url: unknown): this {
    this.faviconUrl = textOf(url);
    return this._self();
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  private _self(): this {
    return facade(this, this.env.realm, { name: 'HtmlOutput' });
  }
}

/**
 * A template: `<?= expr ?>` prints HTML-escaped, `<?!= expr ?>` prints as is, `<? code ?>` runs.
 * Evaluated in the script's global scope (it can call the script's functions), with the variables
 * the script set on the template in scope. Needs a runtime-backed realm.
 */
const templateState = new WeakMap<object, { env: ServiceEnvironment; source: string }>();

export class HtmlTemplateImpl {
  constructor(env: ServiceEnvironment, source: string) {
    templateState.set(this, { env, source });
  }

  getRawContent(): string {
    return stateOf(this).source;
  }

  evaluate(): HtmlOutputImpl {
    const { env, source } = stateOf(this);
    const render = env.realm.evaluate(compileTemplate(source)) as (data: object, escape: (value: unknown) => string) => unknown;
    const data = env.realm.toScript({}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(this)) data[key] = value;
    const html = render(data, (value) => escapeHtml(textOf(value)));
    return facade(new HtmlOutputImpl(env, html), env.realm, { name: 'HtmlOutput' });
  }
}

function stateOf(template: HtmlTemplateImpl): { env: ServiceEnvironment; source: string } {
  const state = templateState.get(template);
  if (!state) throw new Error('Not a template');
  return state;
}

/** The template as the source of a function (data, escape) => html, run in the script's realm. */
export function compileTemplate(source: string): string {
  const parts: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = scriptlet.exec(source); match; match = scriptlet.exec(source)) {
    parts.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const code = match[2] ?? '';
    if (match[1] === '=') parts.push(`__out.push(__escape(${code}));`);
    else if (match[1] === '!=') parts.push(`__out.push(__text(${code}));`);
    else parts.push(`${code}\n`);
    last = match.index + match[0].length;
  }
  parts.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return [
    '(function (__data, __escape) {',
    "  var __out = []; function __text(v) { return v === null || v === undefined ? '' : String(v); }",
    '  with (__data) {',
    parts.join('\n'),
    '  }',
    "  return __out.join('');",
    '})',
  ].join('\n');
}

export interface HtmlServiceOptions {
  /** Where createHtmlOutputFromFile(name) finds `name.html`. */
  htmlDirectory: string;
}

function htmlFile(directory: string, name: unknown): string {
  const base = textOf(name);
  const file = path.join(directory, base.endsWith('.html') ? base : `${base}.html`);
  if (path.relative(directory, file).startsWith('..') || !existsSync(file)) throw new Error(`No HTML file named ${base} was found.`);
  return readFileSync(file, 'utf8');
}

/** The ContentService global. */
export function createContentService(env: ServiceEnvironment): object {
  return facade(
    {
      MimeType: MIME_TYPE_ENUM,
      createTextOutput: (content?: unknown) => facade(new TextOutputImpl(env, content), env.realm, { name: 'TextOutput' }),
    },
    env.realm,
    { name: 'ContentService' },
  );
}

/** The HtmlService global. */
export function createHtmlService(env: ServiceEnvironment, options: HtmlServiceOptions): object {
  const template = (source: string): object => facade(new HtmlTemplateImpl(env, source), env.realm, { name: 'HtmlTemplate', openProperties: true });
  return facade(
    {
      SandboxMode: SANDBOX_MODE,
      XFrameOptionsMode: X_FRAME_OPTIONS_MODE,
      createHtmlOutput: (html?: unknown) => {
        const target = unwrapFacade(html);
        const content = target instanceof HtmlTemplateImpl ? target.getRawContent() : html;
        return facade(new HtmlOutputImpl(env, content), env.realm, { name: 'HtmlOutput' });
      },
      createHtmlOutputFromFile: (name: unknown) => facade(new HtmlOutputImpl(env, htmlFile(options.htmlDirectory, name)), env.realm, { name: 'HtmlOutput' }),
      createTemplate: (html: unknown) => template(textOf(html)),
      createTemplateFromFile: (name: unknown) => template(htmlFile(options.htmlDirectory, name)),
    },
    env.realm,
    { name: 'HtmlService' },
  );
}

/** The TextOutput or HtmlOutput behind what a doGet/doPost returned, or null. */
export function outputOf(value: unknown): TextOutputImpl | HtmlOutputImpl | null {
  const target = unwrapFacade(value);
  return target instanceof TextOutputImpl || target instanceof HtmlOutputImpl ? target : null;
}
