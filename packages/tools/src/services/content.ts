/**
 * ContentService, following https://developers.google.com/apps-script/reference/content/content-service
 * and https://developers.google.com/apps-script/reference/content/text-output (a TextOutput and its
 * MimeType), and HtmlService, following https://developers.google.com/apps-script/reference/html/html-service
 * and https://developers.google.com/apps-script/reference/html/html-output (an HtmlOutput from a string
 * or a file, its title and size). Enum values are their names as strings ('JSON', ...), which compare
 * like Apps Script's enum objects do. Templates are not implemented.
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

function isContentMimeType(value: unknown): value is ContentMimeType {
  return typeof value === 'string' && value in CONTENT_MIME_TYPES;
}

export class TextOutputImpl {
  private content: string;
  private mimeType: ContentMimeType = 'TEXT';

  constructor(
    private readonly env: ServiceEnvironment,
    content: unknown,
  ) {
    this.content = textOf(content);
  }

  getContent(): string {
    return this.content;
  }

  getMimeType(): ContentMimeType {
    return this.mimeType;
  }

  setMimeType(mimeType: unknown): this {
    if (!isContentMimeType(mimeType)) throw new Error('Invalid argument: mimeType');
    this.mimeType = mimeType;
    return this._self();
  }

  private _self(): this {
    return facade(this, this.env.realm, { name: 'TextOutput' });
  }
}

export class HtmlOutputImpl {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;

  constructor(
    private readonly env: ServiceEnvironment,
    content: unknown,
  ) {
    this.content = textOf(content);
  }

  getContent(): string {
    return this.content;
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

  private _self(): this {
    return facade(this, this.env.realm, { name: 'HtmlOutput' });
  }
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
  const output = (html: unknown): object => facade(new HtmlOutputImpl(env, html), env.realm, { name: 'HtmlOutput' });
  return facade(
    {
      createHtmlOutput: (html?: unknown) => output(html),
      createHtmlOutputFromFile: (name: unknown) => output(htmlFile(options.htmlDirectory, name)),
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
