/**
 * `npm start`: runs the built dist/Code.js in the local Apps Script runtime over a demo campaign
 * tab and prints what =UTM_LINK and =UTM_ISSUES give for each row, as Sheets would show them.
 */
import { AppsScriptRuntime } from './apps-script-runtime';
import { DEMO_LINK_HEADERS, DEMO_LINK_ROWS } from './demo-links';

const runtime = AppsScriptRuntime.fromBundle();
const columns = DEMO_LINK_HEADERS.map((_, c) => DEMO_LINK_ROWS.map((row) => [row[c] ?? '']));
const links = runtime.call('UTM_LINK', ...columns) as string[][];
const issues = runtime.call('UTM_ISSUES', ...columns) as string[][];

console.log('Demo "Links" tab, as =UTM_LINK(A2:A, B2:B, C2:C, D2:D, E2:E, F2:F, G2:G) fills it:\n');
DEMO_LINK_ROWS.forEach((row, r) => {
  console.log(`row ${r + 2}: ${row.slice(1, 4).join(' | ')}`);
  const problems = issues[r]?.[0] ?? '';
  if (problems === '') console.log(`  link:   ${links[r]?.[0] ?? ''}`);
  else for (const line of problems.split('\n')) console.log(`  FIX:    ${line}`);
});
console.log(`\n=UTM_CLEAN("Été 2024 / Promo", TRUE) -> ${String(runtime.call('UTM_CLEAN', 'Été 2024 / Promo', true))}`);
