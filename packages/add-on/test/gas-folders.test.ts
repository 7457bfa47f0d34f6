/**
 * The Apps Script side's feature folders depend one way (src/gas/README.md): a module never
 * imports a folder above its own, so each can be read without the ones that use it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const GAS = path.join(__dirname, '..', 'src', 'gas');

/** The folders each folder may import, besides itself and core. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  helpers: [],
  stripe: [],
  ledger: ['helpers', 'stripe'],
  links: ['helpers', 'stripe', 'ledger', 'main'],
  attribution: ['helpers', 'stripe', 'ledger', 'links'],
  reconciliation: ['helpers', 'stripe', 'ledger'],
  actions: ['helpers', 'stripe', 'ledger', 'links', 'attribution', 'reconciliation', 'menu', 'script-lock'],
};

/** The gas folder (or top-level file, without .ts) each relative import of `file` reaches. */
function reached(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((match) => path.relative(GAS, path.resolve(path.dirname(file), match[1] ?? '')))
    .filter((target) => !target.startsWith('..'))
    .map((target) => target.split(path.sep)[0] ?? '');
}

describe('src/gas folders', () => {
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${folder}/ imports only ${[...allowed, 'core'].join(', ')}`, () => {
      const files = readdirSync(path.join(GAS, folder)).filter((name) => name.endsWith('.ts'));
      expect(files.length).toBeGreaterThan(0);
      for (const name of files) {
        const outside = reached(path.join(GAS, folder, name)).filter(
          (target) => target !== folder && target !== 'script-lock' && !allowed.includes(target),
        );
        expect({ file: `${folder}/${name}`, outside }).toEqual({ file: `${folder}/${name}`, outside: [] });
      }
    });
  }

  it('covers every folder', () => {
    const folders = readdirSync(GAS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'html')
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });
});
