/** The script properties the add-on keeps, by name: read by the add-on and by the local tools that set it up. */
export const SCRIPT_PROPERTIES = {
  /** The secret in the endpoint URL's `?token=`. */
  webhookToken: 'WEBHOOK_TOKEN',
  /** An earlier version's one restricted key: read as the key of the mode its prefix names, and moved there once. */
  stripeApiKey: 'STRIPE_API_KEY',
  /** An earlier version's one sync state: moved to the mode of its key, once. */
  syncState: 'SYNC_STATE',
  /** The restricted Stripe key (rk_...) of each mode, when one is connected. */
  stripeApiKeys: { test: 'STRIPE_API_KEY_TEST', live: 'STRIPE_API_KEY_LIVE' },
  /** Where the sync of each mode stands (JSON, see sync-state.ts). */
  syncStates: { test: 'SYNC_STATE_TEST', live: 'SYNC_STATE_LIVE' },
  /** Where the sync of each mode's balance transactions stands (JSON, see core/stripe/settled-sync-state.ts). */
  settledSyncStates: { test: 'SETTLED_SYNC_STATE_TEST', live: 'SETTLED_SYNC_STATE_LIVE' },
  /** How many sales were checked with Stripe today, for the daily bound (JSON, see sale-checks.ts). */
  salesChecked: 'SALES_CHECKED',
  /** The scheduled sync's interval in minutes, 15 or 60, while one runs. */
  syncInterval: 'SYNC_INTERVAL_MINUTES',
  /** What the last scheduled sync did: when, how it ended, its summary, the trigger that ran it (JSON, see core/ledger/scheduled-sync.ts). */
  scheduledSyncLastRun: 'SCHEDULED_SYNC_LAST_RUN',
  /** A refresh of the Attribution tab owed after webhook deliveries (JSON, see core/attribution/refresh-schedule.ts). */
  pendingRefresh: 'PENDING_ATTRIBUTION_REFRESH',
  /** The spreadsheet's time zone as the last refresh (or first expired checkout) read it: a delivery files checkouts by it without asking Sheets. */
  timeZone: 'SPREADSHEET_TIME_ZONE',
} as const;
