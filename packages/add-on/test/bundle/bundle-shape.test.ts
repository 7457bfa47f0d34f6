/**
 * dist/Code.js as Apps Script and Sheets read it: public functions are top-level declarations,
 * custom functions carry @customfunction and @param hints that match their real parameters,
 * and the manifest asks for the narrowest scopes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { CODE_PATH, DIST, readBundle } from './bundle';

interface Declared {
  name: string;
  params: string[];
  tags: Array<{ tag: string; name?: string }>;
}

function topLevelFunctions(code: string): Declared[] {
  const source = ts.createSourceFile(CODE_PATH, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  return source.statements.filter(ts.isFunctionDeclaration).map((fn) => ({
    name: fn.name?.text ?? '',
    params: fn.parameters.map((p) => p.name.getText(source)),
    tags: ts.getJSDocTags(fn).map((tag) => ({
      tag: tag.tagName.text,
      ...(ts.isJSDocParameterTag(tag) ? { name: tag.name.getText(source) } : {}),
    })),
  }));
}

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  UTM_LINK: ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'client_reference_id'],
  UTM_ISSUES: ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'client_reference_id'],
  UTM_CLEAN: ['value', 'lowercase'],
};

/** Everything Apps Script calls by name: triggers, the web app, menu items, sidebar calls. */
const GLOBALS = [
  'doPost',
  'doGet',
  'onOpen',
  'onInstall',
  'openLinkBuilder',
  'checkSelectedCells',
  'showHelp',
  'sidebarContext',
  'sidebarInsertIntoActiveRow',
  'sidebarTagSelectedRows',
  'sidebarApplySuggestions',
  'setUpReconciliation',
  'showWebhookUrl',
  'rotateWebhookToken',
  'connectStripeKey',
  'syncNow',
  'openScheduledSync',
  'chooseScheduledSync',
  'runScheduledSync',
  'refreshAttribution',
  'refreshAfterDeliveries',
  'reattributePastSales',
  'addReferences',
];

describe('dist/Code.js', () => {
  const code = readBundle();
  const declared = topLevelFunctions(code);

  it.each(Object.entries(CUSTOM_FUNCTIONS))('declares %s at top level with its argument hints', (name, params) => {
    const fn = declared.find((d) => d.name === name);
    expect(fn).toBeDefined();
    expect(fn!.params).toEqual(params);
    expect(fn!.tags.map((t) => t.tag)).toContain('customfunction');
    // Sheets shows one hint per @param, in order: they must name the real parameters.
    expect(fn!.tags.filter((t) => t.tag === 'param').map((t) => t.name)).toEqual(params);
  });

  it('declares every function Apps Script calls by name, and nothing else', () => {
    expect(declared.map((d) => d.name).sort()).toEqual([...Object.keys(CUSTOM_FUNCTIONS), ...GLOBALS].sort());
  });

  it('keeps everything else out of the global scope but the bundle object', () => {
    const source = ts.createSourceFile(CODE_PATH, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const others = source.statements.filter((s) => !ts.isFunctionDeclaration(s) && !ts.isExpressionStatement(s));
    const names = others.flatMap((s) =>
      ts.isVariableStatement(s) ? s.declarationList.declarations.map((d) => d.name.getText(source)) : [s.getText(source).slice(0, 40)],
    );
    expect(names).toEqual(['AddOn']);
  });

  it('is plain script: no module syntax Apps Script would reject', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // Compiles as a classic script (not a module), without running it.
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
    runtimeVersion: string;
    oauthScopes: string[];
    webapp?: { executeAs: string; access: string };
  };

  it('runs on V8 with the narrowest spreadsheet scope', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  it('declares the web app that receives Stripe webhooks', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });
});

describe('.clasp.json', () => {
  it('pushes dist/ only and leaves the script id to `clasp create-script`', () => {
    const clasp = JSON.parse(readFileSync(path.resolve(__dirname, '../../.clasp.json'), 'utf8')) as Record<string, unknown>;
    expect(clasp.rootDir).toBe('dist');
    // clasp refuses to create a script when .clasp.json already names one, even an empty one.
    expect(clasp).not.toHaveProperty('scriptId');
  });
});
