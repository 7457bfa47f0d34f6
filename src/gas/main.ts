/**
 * Everything Apps Script can call. The build turns each export here into a top-level
 * `function NAME(...)` declaration in dist/Code.js, carrying the JSDoc of its source.
 */

export { UTM_LINK, UTM_ISSUES, UTM_CLEAN } from './custom-functions';
export {
  doPost,
  doGet,
  onOpen,
  onInstall,
  openLinkBuilder,
  checkSelectedCells,
  showHelp,
  sidebarContext,
  sidebarInsertIntoActiveRow,
  sidebarTagSelectedRows,
  setUpReconciliation,
  showWebhookUrl,
  rotateWebhookToken,
  connectStripeKey,
  syncNow,
  toggleHourlySync,
  runScheduledSync,
} from './entry-points';
