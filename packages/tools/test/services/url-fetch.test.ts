/** UrlFetchApp routes to handlers, records requests and fails as Apps Script does. */
import { fakes } from './fixtures';

describe('UrlFetchApp', () => {
  it('sends to the handler of the host and records the request', () => {
    const { UrlFetchApp, services } = fakes();
    services.urlFetch.handle('api.stripe.com', (request) => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ got: request.url }),
    }));
    const response = UrlFetchApp.fetch('https://api.stripe.com/v1/checkout/sessions?limit=3', {
      method: 'get',
      headers: { Authorization: 'Bearer sk_test' },
    });
    expect(response.getResponseCode()).toBe(200);
    expect(JSON.parse(response.getContentText())).toEqual({ got: 'https://api.stripe.com/v1/checkout/sessions?limit=3' });
    expect(response.getHeaders()).toEqual({ 'Content-Type': 'application/json' });
    expect(services.urlFetch.requests).toEqual([
      { url: 'https://api.stripe.com/v1/checkout/sessions?limit=3', method: 'get', headers: { Authorization: 'Bearer sk_test' } },
    ]);
  });

  it('defaults to GET, accepts the method in any case, and refuses a payload as not implemented', () => {
    const { UrlFetchApp, services } = fakes();
    services.urlFetch.handleAll(() => ({ status: 204 }));
    UrlFetchApp.fetch('https://example.com/a');
    UrlFetchApp.fetch('https://example.com/b', { method: 'DELETE' as GoogleAppsScript.URL_Fetch.HttpMethod });
    expect(services.urlFetch.requests.map((r) => r.method)).toEqual(['get', 'delete']);
    expect(() => UrlFetchApp.fetch('https://example.com/c', { method: 'post', payload: '{}' })).toThrow(
      'UrlFetchApp.fetch with a payload is not implemented by the local Apps Script runtime',
    );
  });

  it('throws for a status of 400 or more unless muteHttpExceptions, with the first 100 characters', () => {
    const { UrlFetchApp, services } = fakes();
    const body = `{"error":{"message":"${'n'.repeat(200)}"}}`;
    services.urlFetch.handle('api.stripe.com', () => ({ status: 402, body }));
    expect(() => UrlFetchApp.fetch('https://api.stripe.com/v1/charges?x=1')).toThrow(
      `Request failed for https://api.stripe.com returned code 402. Truncated server response: ${body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
    );
    const response = UrlFetchApp.fetch('https://api.stripe.com/v1/charges', { muteHttpExceptions: true });
    expect([response.getResponseCode(), response.getContentText()]).toEqual([402, body]);
  });

  it('has no network: a host without a handler is unavailable', () => {
    const { UrlFetchApp, services } = fakes();
    services.urlFetch.handle('api.stripe.com', () => ({ status: 200, body: '' }));
    expect(() => UrlFetchApp.fetch('https://example.org/x')).toThrow('Address unavailable: https://example.org/x');
    expect(() => UrlFetchApp.fetch('ftp://example.org/x')).toThrow('Invalid argument: ftp://example.org/x');
  });

  it('fetchAll answers every request in order, records the batch, and throws for a failure unless muted', () => {
    const { UrlFetchApp, services } = fakes();
    services.urlFetch.handle('api.stripe.com', (request) =>
      request.url.endsWith('/missing') ? { status: 404, body: '{"error":{}}' } : { status: 200, body: request.url.slice(-1) },
    );
    const responses = UrlFetchApp.fetchAll([
      'https://api.stripe.com/v1/a',
      { url: 'https://api.stripe.com/v1/missing', muteHttpExceptions: true },
      { url: 'https://api.stripe.com/v1/b', method: 'get', headers: { Authorization: 'Bearer rk_test' } },
    ]);
    expect(responses.map((response) => [response.getResponseCode(), response.getContentText()])).toEqual([
      [200, 'a'],
      [404, '{"error":{}}'],
      [200, 'b'],
    ]);
    expect(Array.isArray(responses)).toBe(true);
    expect(services.urlFetch.requests.at(-1)).toEqual({
      url: 'https://api.stripe.com/v1/b',
      method: 'get',
      headers: { Authorization: 'Bearer rk_test' },
    });
    expect(() => UrlFetchApp.fetchAll([{ url: 'https://api.stripe.com/v1/missing' }])).toThrow(/returned code 404/);
    expect(services.urlFetch.batches).toEqual([3, 1]);
  });

  it('follows redirects unless told not to', () => {
    const { UrlFetchApp, services } = fakes();
    services.urlFetch.handleAll((request) =>
      request.url.endsWith('/old') ? { status: 302, headers: { Location: '/new' }, body: '' } : { status: 200, body: 'here' },
    );
    expect(UrlFetchApp.fetch('https://example.com/old').getContentText()).toBe('here');
    expect(UrlFetchApp.fetch('https://example.com/old', { followRedirects: false }).getResponseCode()).toBe(302);
  });
});
