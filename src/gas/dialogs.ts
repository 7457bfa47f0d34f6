/**
 * The dialogs the menu opens. Their markup lives in src/gas/html (built into dist/ as separate
 * files), not in Code.js: every custom-function start loads Code.js, never the dialogs.
 */

import { fillTemplate } from '../core/html';

export interface SetupFacts {
  endpoint: string | null;
  devUrl: boolean;
  verification: string | null;
  tokenCreated: boolean;
}

export function setupDialogHtml(facts: SetupFacts): string {
  const template = HtmlService.createHtmlOutputFromFile('SetupDialog').getContent();
  return fillTemplate(
    template,
    {
      title: facts.tokenCreated ? 'Reconciliation is set up' : 'Reconciliation',
      endpoint: facts.endpoint ?? '',
      verification: facts.verification ?? '',
    },
    { deployed: facts.endpoint !== null, dev_url: facts.devUrl, verified: facts.verification !== null },
  );
}
