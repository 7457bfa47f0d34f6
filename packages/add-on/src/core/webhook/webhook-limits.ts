/**
 * How large a webhook body may be: the one limit the web app and the relay both enforce. Kept in a
 * file of its own, with no imports, so the relay bundles the number and not the event schemas.
 *
 * A checkout.session event is a few kilobytes (line items are not included); 256 KiB leaves room
 * for long metadata and custom fields while refusing bodies meant to fill the sheet.
 */
export const MAX_BODY_BYTES = 256 * 1024;
