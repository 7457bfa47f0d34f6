/**
 * One name for the add-on's menu: what Sheets shows for createAddonMenu() in a spreadsheet whose
 * bound script project the README's clasp command names, what the playground shows under its
 * "Extensions ›", what the README tells a user to open, and Help's title.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ADD_ON_NAME } from '@stripe-utm-sheets/add-on/core/contracts/add-on-name';
import { startTestPlayground, type TestPlayground } from './helpers';

const README = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
const PAGE = readFileSync(path.resolve(__dirname, '../../src/playground/page/index.html'), 'utf8');

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

test("the playground's menu is Extensions › the name the README gives, and Help carries it", async () => {
  const state = await pg.state();
  expect(state.menus?.map((menu) => menu.name)).toEqual([ADD_ON_NAME]);
  expect(PAGE).toMatch(/>Extensions ›</);
  const help = await pg.menu('showHelp');
  expect(help.dialogs.map((dialog) => dialog.title)).toEqual([ADD_ON_NAME]);
});

test('every "Extensions >" (or ›) in the README names that menu, and the clasp command gives the script project that name', () => {
  const menus = [...README.matchAll(/Extensions\s*[>›]\s*(?:\*\*)?([^*\n(),.]+?)(?:\*\*|[(),.\n])/g)].map((match) => match[1]!.trim());
  // "Extensions > Apps Script" is Sheets' own item, where a script project is opened.
  const named = menus.filter((name) => name !== 'Apps Script');
  expect(named.length).toBeGreaterThan(0);
  expect(new Set(named)).toEqual(new Set([ADD_ON_NAME]));
  expect(README).toContain(`clasp create-script --type sheets --title "${ADD_ON_NAME}"`);
});
