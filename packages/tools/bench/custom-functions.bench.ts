/**
 * UTM_LINK's throughput inside the vm, against a baseline that only concatenates
 * encodeURIComponent'd values with no validation; dist/Code.js size; cold start.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppsScriptRuntime, DEFAULT_BUNDLE_PATH } from '../src/apps-script-runtime';
import { compare, fmt, median, verdict } from './measure';

const LINKS = Array.from({ length: 20 }, (_, i) =>
  i % 4 === 0 ? `https://buy.stripe.com/test_link${i}?prefilled_email=a%40b.com` : `https://buy.stripe.com/test_link${i}`,
);
const SOURCES = ['newsletter', 'facebook', 'google', 'linkedin', 'partner-blog', 'Facebook Ads'];
const MEDIUMS = ['email', 'cpc', 'social', 'referral', 'display'];

/** A realistic column set: a few links repeated, mostly valid values, about one row in six with a problem. */
export function campaignColumns(rows: number): unknown[][][] {
  const col = (f: (i: number) => unknown): unknown[][] => Array.from({ length: rows }, (_, i) => [f(i)]);
  return [
    col((i) => LINKS[i % LINKS.length]),
    col((i) => SOURCES[i % SOURCES.length]),
    col((i) => MEDIUMS[i % MEDIUMS.length]),
    col((i) => `spring_sale_${i % 300}`),
    col((i) => (i % 3 === 0 ? '' : `keyword_${i % 1000}`)),
    col((i) => (i % 2 === 0 ? 'hero_button' : 'footer-link')),
    col((i) => `order-${i}`),
  ];
}

const BASELINE = `function CONCAT_BASELINE(link, source, medium, campaign, term, content, ref) {
  var out = new Array(link.length);
  for (var i = 0; i < link.length; i++) {
    out[i] = [link[i][0] + '?utm_source=' + encodeURIComponent(source[i][0]) + '&utm_medium=' + encodeURIComponent(medium[i][0]) +
      '&utm_campaign=' + encodeURIComponent(campaign[i][0]) + '&utm_term=' + encodeURIComponent(term[i][0]) +
      '&utm_content=' + encodeURIComponent(content[i][0]) + '&client_reference_id=' + encodeURIComponent(ref[i][0])];
  }
  return out;
}`;

/**
 * A runtime of the bundle outside any spreadsheet: UTM_LINK reads the naming rules tabs of the
 * active spreadsheet (issue 17), and there is none here, as in a standalone run; what is measured
 * is the tagging itself.
 */
function outsideSpreadsheet(source: string): AppsScriptRuntime {
  const runtime = new AppsScriptRuntime(source);
  // No document, so no document cache either (CacheService.getDocumentCache() is null outside one).
  runtime.install({ SpreadsheetApp: { getActiveSpreadsheet: () => null }, CacheService: { getDocumentCache: () => null } });
  return runtime;
}

export function benchCustomFunctions(): void {
  const code = readFileSync(DEFAULT_BUNDLE_PATH, 'utf8');
  const bytes = statSync(DEFAULT_BUNDLE_PATH).size;
  console.log(`dist/Code.js: ${fmt(bytes)} bytes (${fmt(bytes / 1024, 1)} KB; target under 60 KB: ${verdict(bytes < 60 * 1024)})`);
  const sidebarPath = path.join(path.dirname(DEFAULT_BUNDLE_PATH), 'Sidebar.html');
  const sidebar = readFileSync(sidebarPath, 'utf8');
  const script = /<script>([\s\S]*?)<\/script>/.exec(sidebar)?.[1] ?? '';
  console.log(
    `dist/Sidebar.html: ${fmt(Buffer.byteLength(sidebar))} bytes, of which its bundled script ${fmt(Buffer.byteLength(script))} ` +
      `(target under 60 KB: ${verdict(Buffer.byteLength(sidebar) < 60 * 1024)})`,
  );

  // Cold start: what every custom-function recalculation pays. Each source is made unique, or
  // V8's compilation cache would skip the parse that Apps Script does on every start.
  const cold: number[] = [];
  const coldBaseline: number[] = [];
  for (let i = 0; i < 41; i++) {
    const unique = `\n// run ${i} ${Math.random()}`;
    let start = performance.now();
    outsideSpreadsheet(code + unique).scriptFunction('UTM_LINK')(LINKS[0], 'newsletter', 'email', 'spring_sale');
    cold.push(performance.now() - start);
    start = performance.now();
    new AppsScriptRuntime(`function NOOP() { return ""; }${unique}`).scriptFunction('NOOP')();
    coldBaseline.push(performance.now() - start);
  }
  const coldMs = median(cold.slice(1));
  const emptyMs = median(coldBaseline.slice(1));
  console.log(
    `cold start (new context + evaluate Code.js + first UTM_LINK call): median ${fmt(coldMs, 2)} ms ` +
      `(target under 3 ms: ${verdict(coldMs < 3)}); an empty script: ${fmt(emptyMs, 2)} ms; ratio ${fmt(coldMs / emptyMs, 2)}`,
  );

  const withBaseline = outsideSpreadsheet(`${code}\n${BASELINE}`);
  const utmLink = withBaseline.scriptFunction('UTM_LINK');
  const baseline = withBaseline.scriptFunction('CONCAT_BASELINE');

  const rows = 100_000;
  const args = campaignColumns(rows).map((c) => withBaseline.toScript(c));
  const result = compare(
    () => utmLink(...args),
    () => baseline(...args),
    7,
  );
  console.log(
    `UTM_LINK over ${fmt(rows)} rows x 7 columns in the vm: ${fmt(rows / (result.subject / 1000))} rows/s ` +
      `(median ${fmt(result.subject, 1)} ms); concatenation baseline ${fmt(rows / (result.baseline / 1000))} rows/s; ` +
      `ratio ${fmt(result.ratio, 2)} (target under 3: ${verdict(result.ratio < 3)})`,
  );

  const fifty = campaignColumns(50_000).map((c) => withBaseline.toScript(c));
  const fiftyMs = median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      utmLink(...fifty);
      return performance.now() - start;
    }),
  );
  console.log(
    `UTM_LINK over 50,000 rows in one call: ${fmt(fiftyMs, 1)} ms here, against Apps Script's 30,000 ms limit for a custom function`,
  );
}
