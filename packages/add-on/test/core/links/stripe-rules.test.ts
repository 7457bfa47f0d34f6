import {
  CLIENT_REFERENCE_ID_MAX_LENGTH,
  TRACKING_PARAMETERS,
  UTM_MAX_LENGTH,
  UTM_PARAMETERS,
  isAcceptedValue,
  isTrackingParameter,
  maxLengthOf,
} from '../../../src/core/links/stripe-rules';

describe('Stripe parameter rules', () => {
  it('lists the five UTM codes, then client_reference_id, in the order links are written', () => {
    expect(UTM_PARAMETERS).toEqual(['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content']);
    expect(TRACKING_PARAMETERS).toEqual([...UTM_PARAMETERS, 'client_reference_id']);
  });

  it('has Stripe limits: 150 for UTM codes and 200 for client_reference_id', () => {
    expect(UTM_MAX_LENGTH).toBe(150);
    expect(CLIENT_REFERENCE_ID_MAX_LENGTH).toBe(200);
    for (const parameter of UTM_PARAMETERS) expect(maxLengthOf(parameter)).toBe(150);
    expect(maxLengthOf('client_reference_id')).toBe(200);
  });

  it.each(TRACKING_PARAMETERS.map((parameter) => [parameter, maxLengthOf(parameter)] as const))(
    '%s accepts exactly %i characters and not one more',
    (parameter, limit) => {
      expect(isAcceptedValue(parameter, 'a'.repeat(limit))).toBe(true);
      expect(isAcceptedValue(parameter, 'a'.repeat(limit + 1))).toBe(false);
    },
  );

  it('accepts only ASCII letters, digits, - and _', () => {
    expect(isAcceptedValue('utm_source', 'AZaz09-_')).toBe(true);
    for (const bad of ['a b', 'a.b', 'a/b', 'a+b', 'a%20b', 'é', 'a\u200Bb', 'a\nb', 'a=b', 'a&b', 'a#b', 'a?b', '🔥']) {
      expect(isAcceptedValue('utm_source', bad)).toBe(false);
    }
  });

  it('does not accept the empty string (it means "no value")', () => {
    expect(isAcceptedValue('utm_campaign', '')).toBe(false);
  });

  it('recognises tracking parameter names exactly, case-sensitively', () => {
    for (const name of TRACKING_PARAMETERS) expect(isTrackingParameter(name)).toBe(true);
    for (const name of ['UTM_SOURCE', 'utm_source ', 'utm_id', 'client_reference', '', 'toString', 'constructor']) {
      expect(isTrackingParameter(name)).toBe(false);
    }
  });
});
