/**
 * The dialogs the menu opens. Their markup lives in src/gas/html (built into dist/ as separate
 * files), not in Code.js: every custom-function start loads Code.js, never the dialogs.
 */

import { fillTemplate } from '../../core/helpers/html';
import { SCHEDULED_SYNC_MENU_ITEM } from '../../core/ledger/scheduled-sync';
import { keyPermissionsText, SUBSCRIBED_EVENT_TYPES, SYNC_INTERVALS } from '../../core/ledger/stripe-events';

/** What happened to the token before the dialog: made by the set-up, kept, or replaced by a rotation. */
export type TokenNews = 'created' | 'kept' | 'rotated';

export interface SetupFacts {
  endpoint: string | null;
  devUrl: boolean;
  verification: string | null;
  news: TokenNews;
}

const TITLES: Record<TokenNews, string> = {
  created: 'Reconciliation is set up',
  kept: 'Reconciliation',
  rotated: 'New webhook URL',
};

export function setupDialogHtml(facts: SetupFacts): string {
  const template = HtmlService.createHtmlOutputFromFile('SetupDialog').getContent();
  return fillTemplate(
    template,
    {
      title: TITLES[facts.news],
      endpoint: facts.endpoint ?? '',
      verification: facts.verification ?? '',
      key_permissions: keyPermissionsText(),
      subscribed_events: SUBSCRIBED_EVENT_TYPES.join('\n'),
      sync_spans: SYNC_INTERVALS.map((interval) => interval.span).join(' or '),
      scheduled_sync_item: SCHEDULED_SYNC_MENU_ITEM,
    },
    { deployed: facts.endpoint !== null, dev_url: facts.devUrl, verified: facts.verification !== null, rotated: facts.news === 'rotated' },
  );
}
