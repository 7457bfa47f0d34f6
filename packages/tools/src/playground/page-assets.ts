/**
 * The page and the google.script shim, bundled from their TypeScript by esbuild in memory when the
 * server starts (nothing is written to disk).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { inlineScript } from './dialog-store';

const PAGE_DIRECTORY = path.join(__dirname, 'page');

export interface PageAssets {
  html: string;
  css: string;
  script: string;
  /** The shim's code; `shimFor` wraps it with a dialog's configuration. */
  shim: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_DIRECTORY, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

export async function buildPageAssets(): Promise<PageAssets> {
  const [script, shim] = await Promise.all([bundle('main.ts'), bundle('google-script-shim.ts')]);
  return {
    html: readFileSync(path.join(PAGE_DIRECTORY, 'index.html'), 'utf8'),
    // The grid's menus and its text overflow have their own sheets (page.css is long enough); one stylesheet is served.
    css: ['page.css', 'grid-menus.css', 'grid-overflow.css']
      .map((name) => readFileSync(path.join(PAGE_DIRECTORY, name), 'utf8'))
      .join('\n'),
    script,
    shim,
  };
}

/** What the shim reads before it runs (see page/google-script-shim.ts). */
export interface ShimConfig {
  /** The server functions google.script.run offers: the script's public top-level functions. */
  functions: string[];
  dialogId: string;
  /** The page's origin: where the shim posts its calls (the iframe is of the other loopback name). */
  parentOrigin: string;
}

/** The <script> element to inject into a dialog's HTML. */
export function shimFor(assets: PageAssets, config: ShimConfig): string {
  return inlineScript(`window.__playgroundShim=${JSON.stringify(config)};\n${assets.shim}`);
}
