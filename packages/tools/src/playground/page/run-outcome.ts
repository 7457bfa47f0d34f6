/**
 * What the status line says once a run is over (no DOM here). Sheets shows a toast and an alert as
 * the script shows them; the page learns of both only when the run has ended, so the run's last
 * word wins: a toast shown after the last alert (or with none) is shown for its own timeout, an
 * alert's text stays until something replaces it, and a toast that came before the last alert
 * ("Reading … from Stripe", say) is already over.
 */
import type { RunReply, ToastView } from '../api-types';

export interface StatusUpdate {
  message: string;
  error: boolean;
  /** Seconds until the status line is cleared; null: it stays until something replaces it. */
  timeoutSeconds: number | null;
}

export function toastText(toast: ToastView): string {
  return `${toast.title ? `${toast.title}: ` : ''}${toast.message}`;
}

/** One line for the status bar. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The status after `reply`; null leaves the status line as it is. `quiet` (google.script.run from a
 * sidebar) tells only failures and toasts, as a sidebar's own page says the rest.
 */
export function runOutcome(label: string, reply: RunReply, quiet: boolean): StatusUpdate | null {
  if (!reply.ok) {
    return { message: `${label} failed: ${reply.error ?? 'it stopped for an answer too many times'}`, error: true, timeoutSeconds: null };
  }
  const toast = reply.toasts[reply.toasts.length - 1];
  if (toast && toast.alertsBefore >= reply.alerts.length) {
    return { message: oneLine(toastText(toast)), error: false, timeoutSeconds: toast.timeoutSeconds > 0 ? toast.timeoutSeconds : null };
  }
  if (quiet) return null;
  const alert = reply.alerts[reply.alerts.length - 1];
  return { message: alert ? `${label}: ${oneLine(alert.prompt)}` : `${label}: done.`, error: false, timeoutSeconds: null };
}
