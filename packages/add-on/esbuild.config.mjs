// Builds everything Apps Script sees into dist/: Code.js, appsscript.json and the add-on's HTML;
// and the relay, which Apps Script never sees, into build/relay.mjs.
//
// Apps Script finds functions (custom functions, triggers, doPost, google.script.run targets) only
// as top-level `function NAME(...)` declarations, and Sheets reads argument hints from the JSDoc on
// them. esbuild keeps neither, so the bundle is an IIFE and this script appends one declaration per
// export of src/gas/main.ts, with that function's own JSDoc and parameter names, read from the
// TypeScript source.
//
//   node esbuild.config.mjs           build once
//   node esbuild.config.mjs --watch   rebuild on change

import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'dist');
const entry = path.join(root, 'src/gas/main.ts');
/** The bundle's one global besides the public functions. */
export const BUNDLE_GLOBAL = 'AddOn';

/** What Apps Script's V8 runs (google/aside, Google's own template, also emits es2020); esbuild lowers anything newer. */
const TARGET = 'es2020';

const readSource = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function resolveModule(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(root, fromFile)}: cannot resolve ${specifier}`);
}

const isExported = (node) => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;

function describeFunction(node, sourceFile) {
  const name = node.name?.text;
  const where = `${path.relative(root, sourceFile.fileName)}: ${name}`;
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) throw new Error(`${where} is public but has no JSDoc; Apps Script users would see no description.`);
  const params = node.parameters.map((param) => {
    if (!ts.isIdentifier(param.name)) throw new Error(`${where}: public parameters must be plain names`);
    return (param.dotDotDotToken ? '...' : '') + param.name.text;
  });
  return { name, params, jsdoc: sourceFile.text.slice(doc.getStart(sourceFile), doc.end) };
}

function findExportedFunction(file, name) {
  const sourceFile = readSource(file);
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name && isExported(statement)) {
      return describeFunction(statement, sourceFile);
    }
  }
  throw new Error(`${path.relative(root, file)}: no exported function ${name}`);
}

/** The public surface: every export of the entry must be a documented function. */
export function publicFunctions(entryFile = entry) {
  const sourceFile = readSource(entryFile);
  const found = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
        throw new Error(`${path.relative(root, entryFile)}: use "export { NAME } from './module'"`);
      }
      const target = resolveModule(entryFile, statement.moduleSpecifier.text);
      for (const element of statement.exportClause.elements) {
        if (element.propertyName) throw new Error(`${element.getText(sourceFile)}: renamed exports are not supported`);
        found.push(findExportedFunction(target, element.name.text));
      }
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      found.push(describeFunction(statement, sourceFile));
    } else if (isExported(statement)) {
      throw new Error(`${path.relative(root, entryFile)}: only functions can be exported to Apps Script`);
    }
  }
  const names = found.map((fn) => fn.name);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new Error(`${repeated} is exported twice`);
  return found;
}

/**
 * One top-level declaration per public function. Only custom functions keep their JSDoc in
 * Code.js (Sheets shows it as argument hints); the others' stays in the source, since every
 * custom-function start loads this file.
 */
function declarations(functions) {
  return functions
    .map(({ name, params, jsdoc }) => {
      const args = params.join(',');
      const doc = /@customfunction\b/.test(jsdoc) ? `${jsdoc}\n` : '';
      return `${doc}function ${name}(${args}){return ${BUNDLE_GLOBAL}.${name}(${args})}`;
    })
    .join('\n');
}

/** The pages Apps Script serves (HtmlService.createHtmlOutputFromFile(name)), copied as they are. */
const HTML_DIR = path.join(root, 'src/gas/html');

function copyHtml() {
  if (!existsSync(HTML_DIR)) return;
  for (const file of readdirSync(HTML_DIR)) {
    if (file.endsWith('.html')) writeFileSync(path.join(outDir, file), readFileSync(path.join(HTML_DIR, file)));
  }
}

/**
 * The sidebar: its TypeScript bundled for the browser (with the same src/core rules as the
 * custom functions) and its CSS, inlined into one HTML file, as HtmlService serves one file.
 */
const CLIENT_DIR = path.join(root, 'src/client');

export async function buildSidebar() {
  const bundle = await esbuild.build({
    entryPoints: [path.join(CLIENT_DIR, 'sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  // A literal "</script" inside the code would end the inline script early.
  const js = bundle.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const css = readFileSync(path.join(CLIENT_DIR, 'sidebar.css'), 'utf8');
  const template = readFileSync(path.join(CLIENT_DIR, 'sidebar.html'), 'utf8');
  const html = template.replace('/*INLINE:sidebar.css*/', () => css).replace('/*INLINE:sidebar.js*/', () => js);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'Sidebar.html'), html);
  return { sidebarBytes: Buffer.byteLength(html), sidebarScriptBytes: Buffer.byteLength(js) };
}

function manifest() {
  const text = readFileSync(path.join(root, 'appsscript.json'), 'utf8');
  return JSON.stringify(JSON.parse(text), null, 2) + '\n';
}

const esbuildOptions = {
  entryPoints: [entry],
  bundle: true,
  format: 'iife',
  globalName: BUNDLE_GLOBAL,
  target: TARGET,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  // Every custom-function recalculation loads the whole file: size is start-up time. Names inside
  // the IIFE are private; Apps Script only sees the declarations appended below, which keep theirs.
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
};

const HEADER = '// Built by esbuild.config.mjs from src/: edit the TypeScript, not this file.\n';

function writeOutputs(result) {
  const bundle = result.outputFiles[0].text;
  const code = `${HEADER}${bundle}\n${declarations(publicFunctions())}`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'Code.js'), code);
  writeFileSync(path.join(outDir, 'appsscript.json'), manifest());
  copyHtml();
  return { codeBytes: Buffer.byteLength(code) };
}

/**
 * The same bundle, unminified and with an inline source map, for the tests: an error inside it
 * points at the line of TypeScript. Only dist/ is pushed; this one stays in build/test/.
 */
export const TEST_BUNDLE = path.join(root, 'build/test/Code.js');

export async function buildTestBundle() {
  // The header as esbuild's banner, so the source map counts its line.
  const result = await esbuild.build({
    ...esbuildOptions,
    minify: false,
    sourcemap: 'inline',
    sourcesContent: false,
    banner: { js: HEADER.trimEnd() },
    // Where it goes, so the map names sources relative to it.
    outfile: TEST_BUNDLE,
  });
  // The declarations go before the source map comment, which must stay last.
  const bundle = result.outputFiles[0].text;
  const mapAt = bundle.lastIndexOf('//# sourceMappingURL=');
  const code = `${bundle.slice(0, mapAt)}\n${declarations(publicFunctions())}\n${bundle.slice(mapAt)}`;
  mkdirSync(path.dirname(TEST_BUNDLE), { recursive: true });
  writeFileSync(TEST_BUNDLE, code);
  return { testBundleBytes: Buffer.byteLength(code) };
}

/**
 * The relay (src/relay/worker.ts): one ES module whose default export is the Workers handler,
 * web platform only, so the same file runs on Workers, Deno and Node. wrangler.toml deploys it as
 * it is (no_bundle), so the tests judge exactly what is deployed. Not minified: it is a few
 * kilobytes, and the code Cloudflare's dashboard and stack traces show stays readable.
 */
export const RELAY_BUNDLE = path.join(root, 'build/relay.mjs');

export const relayOptions = {
  entryPoints: [path.join(root, 'src/relay/worker.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['workerd', 'worker', 'browser'],
  minify: false,
  legalComments: 'none',
  banner: { js: HEADER.trimEnd() },
  write: false,
  logLevel: 'warning',
};

export async function buildRelay() {
  const result = await esbuild.build(relayOptions);
  const code = result.outputFiles[0].text;
  mkdirSync(path.dirname(RELAY_BUNDLE), { recursive: true });
  writeFileSync(RELAY_BUNDLE, code);
  return { relayBytes: Buffer.byteLength(code) };
}

export async function build() {
  const [result, sidebar, relay] = await Promise.all([esbuild.build(esbuildOptions), buildSidebar(), buildRelay()]);
  return { ...writeOutputs(result), ...sidebar, ...relay };
}

async function watch() {
  const report = {
    name: 'write-dist',
    setup(pluginBuild) {
      pluginBuild.onEnd((result) => {
        if (result.errors.length > 0) return;
        try {
          const { codeBytes } = writeOutputs(result);
          console.log(`dist/Code.js ${codeBytes} bytes, ${new Date().toLocaleTimeString()}`);
        } catch (error) {
          console.error(String(error.message ?? error));
        }
      });
    },
  };
  // The sidebar's sources are outside the server bundle's graph: watch them too.
  const context = await esbuild.context({ ...esbuildOptions, plugins: [report] });
  await context.watch();
  const rebuildSidebar = {
    name: 'rebuild-sidebar',
    setup(pluginBuild) {
      pluginBuild.onEnd((result) => {
        if (result.errors.length > 0) return;
        buildSidebar().then(
          ({ sidebarBytes }) => console.log(`dist/Sidebar.html ${sidebarBytes} bytes, ${new Date().toLocaleTimeString()}`),
          (error) => console.error(String(error.message ?? error)),
        );
      });
    },
  };
  const sidebar = await esbuild.context({
    entryPoints: [path.join(CLIENT_DIR, 'sidebar.ts')],
    bundle: true,
    write: false,
    logLevel: 'warning',
    plugins: [rebuildSidebar],
  });
  await sidebar.watch();
  console.log('Watching src/ ...');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--watch')) {
    await watch();
  } else {
    const { codeBytes, sidebarBytes, relayBytes } = await build();
    console.log(`dist/Code.js ${codeBytes} bytes, dist/Sidebar.html ${sidebarBytes} bytes, build/relay.mjs ${relayBytes} bytes`);
  }
}
