/**
 * The layers are the compiler's to enforce: a probe file placed in src/core or src/gas is
 * type-checked with that folder's tsconfig, and reaching for Node, the DOM or (from core) Apps
 * Script fails, while what the layer may use compiles.
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

/** The diagnostics of `source` as a file of `folder`, under `folder`/tsconfig.json. */
function diagnosticsIn(folder: 'src/core' | 'src/gas', source: string): string[] {
  const configPath = path.join(ROOT, folder, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error(`cannot read ${configPath}`);
  const probe = path.join(ROOT, folder, '__layer_probe__.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === probe ? source : readFile(file));
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  host.getSourceFile = (file, language, onError, create) =>
    path.resolve(file) === probe ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, onError, create);
  // A probe is one file, not the folder's project: core's sources compile along with it.
  const program = ts.createProgram({
    rootNames: [probe],
    options: { ...config.options, composite: false, emitDeclarationOnly: false, rootDir: ROOT, noEmit: true },
    host,
  });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src/core compiles with no platform types', () => {
  it.each([
    ['a Node module', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;"],
    ['a Node global', 'export const probe = process.env;'],
    ['Buffer', "export const probe = Buffer.from('x');"],
    ['the DOM', 'export const probe = document.title;'],
    ['fetch', "export const probe = fetch('https://example.com');"],
    ['an Apps Script service', 'export const probe = SpreadsheetApp.getActiveSpreadsheet();'],
    ['jest', 'export const probe = expect;'],
  ])('fails on %s', (_, source) => {
    expect(diagnosticsIn('src/core', source).length).toBeGreaterThan(0);
  });

  it('compiles what core may use: ECMAScript and other core modules', () => {
    expect(
      diagnosticsIn(
        'src/core',
        "import { headerKey } from './helpers/header-names';\nexport const probe = [headerKey('A b')].includes('ab');",
      ),
    ).toEqual([]);
  });
});

describe('src/gas compiles with Apps Script types only', () => {
  it.each([
    ['a Node module', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;"],
    ['a Node global', 'export const probe = process.env;'],
    ['the DOM', 'export const probe = document.title;'],
    ['URL', "export const probe = new URL('https://example.com');"],
    ['setTimeout', 'export const probe = setTimeout;'],
  ])('fails on %s', (_, source) => {
    expect(diagnosticsIn('src/gas', source).length).toBeGreaterThan(0);
  });

  it('compiles what gas may use: Apps Script services and core', () => {
    expect(
      diagnosticsIn(
        'src/gas',
        "import { headerKey } from '../core/helpers/header-names';\nexport const probe = (): string => headerKey(SpreadsheetApp.getActiveSpreadsheet().getName());",
      ),
    ).toEqual([]);
  });
});
