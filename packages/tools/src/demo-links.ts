/**
 * A demo campaign tab: a few good rows and the mistakes marketers really make. Each good row has
 * its own client_reference_id, which the playground's demo sales (playground/demo-sales.ts) bring
 * back, so the Attribution tab has revenue per campaign to show.
 */

import { LINK_FIELDS } from '@stripe-utm-sheets/add-on/core/link-tabs/link-columns';

/** The headers are the link fields' own names, in UTM_LINK's argument order. */
export const DEMO_LINK_HEADERS = LINK_FIELDS;

/** The demo's two payment links: a spring bundle (sold in usd and eur) and a launch offer (eur). */
export const DEMO_SPRING_LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
export const DEMO_LAUNCH_LINK = 'https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd';

export const DEMO_LINK_ROWS: ReadonlyArray<readonly (string | number)[]> = [
  [DEMO_SPRING_LINK, 'newsletter', 'email', 'spring_sale', '', 'hero_button', 'nl-0001'],
  [DEMO_SPRING_LINK, 'facebook', 'paid_social', 'spring_sale', '', 'carousel', 'fb-0002'],
  [DEMO_SPRING_LINK, 'Facebook Ads', 'paid social', 'Spring Sale', '', '', ''],
  [DEMO_LAUNCH_LINK, 'google', 'cpc', 'Été 2024 / Promo', 'running shoes', '', 'g-0004'],
  [DEMO_LAUNCH_LINK.replace('https:', 'http:'), 'partner-blog', 'referral', 2024, '', 'sidebar', 'pb/0005'],
  [`${DEMO_LAUNCH_LINK}?prefilled_email=jenny%40example.com`, 'linkedin', 'social', 'launch_week', '', 'post-1', 'li-0006'],
];
