/**
 * One name, one function: the globals Apps Script calls (src/gas/main.ts) and the functions of the
 * modules they call never share a name, and no two modules of core or gas export functions of one
 * name, so a name in a stack trace, the menu or a search means one thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

function exportedFunctions(file: string): string[] {
  return [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)].map((match) => match[1] ?? '');
}

it('no two files of src/core and src/gas export a function of the same name', () => {
  const owners = new Map<string, string[]>();
  for (const file of [...sources('src/core'), ...sources('src/gas')]) {
    for (const name of exportedFunctions(file)) owners.set(name, [...(owners.get(name) ?? []), file]);
  }
  const shared = [...owners].filter(([, files]) => files.length > 1);
  expect(shared).toEqual([]);
  // main.ts's globals are among them, so the menu's names (refreshAttribution, addReferences, showHelp) are taken once.
  expect(owners.get('refreshAttribution')).toEqual([path.join('src/gas', 'main.ts')]);
});
