/**
 * The custom functions as Sheets sees them. The JSDoc here is copied onto the top-level
 * declarations in dist/Code.js: it is what Sheets shows as argument hints.
 */

import { utmClean, utmIssues, utmLink } from '../core/formulas';

/** A cell's value, or a range of them as rows of cells. */
export type CellArgument = string | number | boolean | Date | null | undefined | unknown[][];
export type FormulaResult = string | string[][];

/**
 * Tags a Stripe Payment Link with UTM codes and a client_reference_id, so Stripe passes them on
 * after payment. Give whole columns (A2:A, B2:B, ...) to tag every row in one go. A row with a
 * value Stripe would silently drop shows what is wrong instead of a link.
 *
 * @param {string|Array<Array<string>>} payment_link The Stripe Payment Link, like https://buy.stripe.com/...; or a column of them.
 * @param {string|Array<Array<string>>} utm_source Where the traffic comes from, like newsletter or facebook. Letters, digits, - and _ only.
 * @param {string|Array<Array<string>>} utm_medium The marketing medium, like email or cpc.
 * @param {string|Array<Array<string>>} utm_campaign The campaign, like spring_sale.
 * @param {string|Array<Array<string>>} utm_term Optional. The paid search keyword.
 * @param {string|Array<Array<string>>} utm_content Optional. Which ad or link was clicked, like hero_button.
 * @param {string|Array<Array<string>>} client_reference_id Optional. Your own reference, sent back with the completed Checkout Session (up to 200 characters).
 * @return The tagged link, or what is wrong with the row.
 * @customfunction
 */
export function UTM_LINK(
  payment_link: CellArgument,
  utm_source?: CellArgument,
  utm_medium?: CellArgument,
  utm_campaign?: CellArgument,
  utm_term?: CellArgument,
  utm_content?: CellArgument,
  client_reference_id?: CellArgument,
): FormulaResult {
  return utmLink([payment_link, utm_source, utm_medium, utm_campaign, utm_term, utm_content, client_reference_id]);
}

/**
 * Lists every value Stripe would silently drop, each with its parameter, the reason and a value
 * that would work; empty when the row is fine. Takes the same arguments as UTM_LINK.
 *
 * @param {string|Array<Array<string>>} payment_link The Stripe Payment Link, or a column of them.
 * @param {string|Array<Array<string>>} utm_source Where the traffic comes from.
 * @param {string|Array<Array<string>>} utm_medium The marketing medium.
 * @param {string|Array<Array<string>>} utm_campaign The campaign.
 * @param {string|Array<Array<string>>} utm_term Optional. The paid search keyword.
 * @param {string|Array<Array<string>>} utm_content Optional. Which ad or link was clicked.
 * @param {string|Array<Array<string>>} client_reference_id Optional. Your own reference for the sale.
 * @return Empty when Stripe keeps every value, else one line per problem.
 * @customfunction
 */
export function UTM_ISSUES(
  payment_link: CellArgument,
  utm_source?: CellArgument,
  utm_medium?: CellArgument,
  utm_campaign?: CellArgument,
  utm_term?: CellArgument,
  utm_content?: CellArgument,
  client_reference_id?: CellArgument,
): FormulaResult {
  return utmIssues([payment_link, utm_source, utm_medium, utm_campaign, utm_term, utm_content, client_reference_id]);
}

/**
 * Turns a value into one Stripe keeps, close to what was meant: accents become plain letters,
 * spaces and other characters become _, and it is cut to 150 characters. "Été 2024 / Promo"
 * becomes Ete_2024_Promo.
 *
 * @param {string|Array<Array<string>>} value The value to clean, or a range of them.
 * @param {boolean} lowercase Optional. TRUE to also make it lowercase (Facebook and facebook count as two sources).
 * @return A value made only of letters, digits, - and _.
 * @customfunction
 */
export function UTM_CLEAN(value: CellArgument, lowercase?: CellArgument): FormulaResult {
  return utmClean(value, lowercase);
}
