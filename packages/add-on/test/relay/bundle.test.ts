/**
 * build/relay.mjs is what wrangler.toml deploys as it is (no_bundle): one self-contained ES
 * module, web platform only, whose default export is the Workers handler.
 */

import { readFileSync } from 'node:fs';
import { FORWARD_TIMEOUT_MS } from '../../src/relay/relay';
import { loadBuiltRelay, RELAY_BUNDLE } from './built-relay';

const code = readFileSync(RELAY_BUNDLE, 'utf8');

test('is one self-contained module: no imports, no Node built-ins, no process, require or Buffer', () => {
  expect(code.startsWith('// Built by esbuild.config.mjs from src/')).toBe(true);
  expect(code).not.toMatch(/^\s*import\s/m);
  expect(code).not.toMatch(/\bimport\s*\(/);
  expect(code).not.toMatch(/["']node:/);
  expect(code).not.toMatch(/\brequire\s*\(/);
  expect(code).not.toMatch(/\bprocess\./);
  expect(code).not.toMatch(/\bBuffer\b/);
  expect(code).toMatch(/^export \{\n\s*worker_default as default\n\};\s*$/m);
});

test('stays small (the stripe package would add about 240 KB minified)', () => {
  expect(Buffer.byteLength(code)).toBeLessThan(80 * 1024);
});

test("its default export is a Workers module handler; the wait for the web app is under Stripe's 10 s (relay.test.ts checks the built file asks for it)", async () => {
  const handler = await loadBuiltRelay();
  expect(Object.keys(handler)).toEqual(['fetch']);
  expect(typeof handler.fetch).toBe('function');
  expect(FORWARD_TIMEOUT_MS).toBeLessThan(10_000);
  expect(FORWARD_TIMEOUT_MS).toBeGreaterThanOrEqual(5_000);
});
