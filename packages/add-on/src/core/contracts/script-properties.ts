/** The script properties the add-on keeps, by name: read by the add-on and by the local tools that set it up. */
export const SCRIPT_PROPERTIES = {
  /** The secret in the endpoint URL's `?token=`. */
  webhookToken: 'WEBHOOK_TOKEN',
  /** A restricted Stripe key (rk_...), when one is connected. */
  stripeApiKey: 'STRIPE_API_KEY',
  /** Where the sync from Stripe stands (JSON, see sync-state.ts). */
  syncState: 'SYNC_STATE',
  /** The scheduled sync's interval in minutes, 15 or 60, while one runs. */
  syncInterval: 'SYNC_INTERVAL_MINUTES',
  /** A refresh of the Attribution tab owed after webhook deliveries (JSON, see core/attribution/refresh-schedule.ts). */
  pendingRefresh: 'PENDING_ATTRIBUTION_REFRESH',
} as const;
