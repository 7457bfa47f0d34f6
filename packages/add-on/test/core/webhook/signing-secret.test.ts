/** Which values can be a Stripe webhook signing secret: the check the relay and the playground make before using one. */
import { signingSecretProblem } from '../../../src/core/webhook/signing-secret';

const DASHBOARD_SECRET = 'whsec_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
const CLI_SECRET = 'whsec_' + '0123456789abcdef'.repeat(4);

test("Stripe's secrets pass, from the Dashboard and from stripe listen", () => {
  expect(signingSecretProblem(DASHBOARD_SECRET)).toBeNull();
  expect(signingSecretProblem(CLI_SECRET)).toBeNull();
});

test.each([
  ['the README example', 'whsec_...', /STRIPE_WEBHOOK_SECRET is a placeholder/],
  ['an ellipsis character', 'whsec_…', /is a placeholder/],
  ['a placeholder with dots in a long value', `${DASHBOARD_SECRET}...`, /is a placeholder/],
  ['angle brackets', '<whsec from the dashboard>', /is a placeholder/],
  ['a trailing line break', `${DASHBOARD_SECRET}\n`, /has a space or a line break/],
  ['another kind of key', 'sk_test_0123456789abcdefghijklmnop', /does not start with whsec_/],
  ['a short word', 'whsec_secret', /is too short to be a signing secret \(6 characters after whsec_/],
  ['one letter', 'whsec_a', /is too short to be a signing secret \(1 character after whsec_/],
  ['punctuation', 'whsec_abc$defghijklmnopqrstuvwxyz', /has characters no signing secret has/],
  ['nothing', '', /STRIPE_WEBHOOK_SECRET is not set/],
])('%s is refused, saying which variable and where the real value is', (_, value, why) => {
  const problem = signingSecretProblem(value);
  expect(problem).toMatch(why);
  expect(problem).toMatch(/^STRIPE_WEBHOOK_SECRET /);
  expect(problem).toContain('Developers > Webhooks > your endpoint > Signing secret');
  expect(problem).toContain('stripe listen');
});

test('never repeats the value, which may be a real secret mistyped', () => {
  const mistyped = `${DASHBOARD_SECRET} `;
  expect(signingSecretProblem(mistyped)).not.toContain(DASHBOARD_SECRET.slice(6));
  expect(signingSecretProblem(undefined)).toMatch(/is not set/);
});
