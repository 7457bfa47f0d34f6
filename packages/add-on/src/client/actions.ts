/** The sidebar's two writes, Insert into active row and Tag selected rows: ask, confirm, say what happened. */

import { typedFields, type Conflict } from '../core/contracts/sidebar-api';
import { page } from './dom';
import { askToOverwrite } from './confirm';
import { readForm } from './form';
import { callServer } from './server';
import { say } from './status';

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

export async function insertIntoActiveRow(onChange: () => void): Promise<void> {
  const fields = readForm();
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarInsertIntoActiveRow', overwrite === undefined ? { fields } : { fields, overwrite });
    if (result.status === 'written') {
      say(`Row ${String(result.row)} of ${result.sheetName} now holds this link.`, 'ok');
      return;
    }
    say('');
    const question = `Row ${String(result.row)} of ${result.sheetName} already holds other values. Overwrite ${result.conflicts.length === 1 ? 'this cell' : `these ${String(result.conflicts.length)} cells`}?`;
    if (!(await askToOverwrite(question, result.conflicts, false, onChange))) {
      say(`Nothing was written: row ${String(result.row)} is as it was.`);
      return;
    }
    // Asked again with exactly what the user saw; if the row changed meanwhile, the server asks anew.
    overwrite = result.conflicts;
  }
}

export async function tagSelected(onChange: () => void): Promise<void> {
  // Only what the user typed goes to every selected row; what came from the active row stays that row's.
  const typed = typedFields(readForm(), page.filledFrom);
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarTagSelectedRows', overwrite === undefined ? { typed } : { typed, overwrite });
    if (result.status === 'written') {
      const lines = result.invalid.map(({ row, problems }) => `Row ${String(row)}: ${problems.join(' ')}`);
      const filled = result.filled === 0 ? '' : ` Filled ${plural(result.filled, 'empty cell', 'empty cells')} with the values you typed.`;
      const tagged = `Tagged ${plural(result.tagged, 'row', 'rows')} in ${result.sheetName} (column tagged_link).${filled}`;
      say(
        lines.length === 0 ? tagged : `${tagged} ${String(lines.length)} could not be tagged (left as they were):`,
        lines.length === 0 ? 'ok' : 'error',
        lines,
      );
      return;
    }
    say('');
    const onlyLinks = result.conflicts.every((conflict) => conflict.column === 'tagged_link');
    const question = onlyLinks
      ? `${plural(result.conflicts.length, 'selected row already has', 'selected rows already have')} a different tagged link in ${result.sheetName}. Overwrite?`
      : `${plural(result.conflicts.length, 'cell', 'cells')} of the selected rows in ${result.sheetName} already ${result.conflicts.length === 1 ? 'holds' : 'hold'} something else. Overwrite?`;
    if (!(await askToOverwrite(question, result.conflicts, true, onChange))) {
      say(onlyLinks ? 'Nothing was written: every tagged link is as it was.' : 'Nothing was written: the selected rows are as they were.');
      return;
    }
    overwrite = result.conflicts;
  }
}
