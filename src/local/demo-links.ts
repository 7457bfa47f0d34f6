/** A demo campaign tab: a few good rows and the mistakes marketers really make. */

import { LINK_FIELDS } from '../core/link-columns';

/** The headers are the link fields' own names, in UTM_LINK's argument order. */
export const DEMO_LINK_HEADERS = LINK_FIELDS;

export const DEMO_LINK_ROWS: ReadonlyArray<readonly (string | number)[]> = [
  ['https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr', 'newsletter', 'email', 'spring_sale', '', 'hero_button', 'nl-0001'],
  ['https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr', 'facebook', 'paid_social', 'spring_sale', '', 'carousel', 'fb-0002'],
  ['https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr', 'Facebook Ads', 'paid social', 'Spring Sale', '', '', ''],
  ['https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd', 'google', 'cpc', 'Été 2024 / Promo', 'running shoes', '', 'g-0004'],
  ['http://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd', 'partner-blog', 'referral', 2024, '', 'sidebar', 'pb/0005'],
  ['https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd?prefilled_email=jenny%40example.com', 'linkedin', 'social', 'launch_week', '', 'post-1', 'li-0006'],
];
