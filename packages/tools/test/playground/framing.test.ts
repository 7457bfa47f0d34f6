/**
 * No other site can frame the playground: every answer (the page, its assets, the API, the webhook
 * front and its echoes, refusals) says `frame-ancestors 'none'` and X-Frame-Options: DENY. The
 * add-on's sidebars and dialogs (GET /ui/<id>), which the page itself frames from its other loopback
 * name, may be framed by the playground's own origins only.
 */
import { FakeStripeApi } from '../../src/fake-stripe';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

function expectUnframeable(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('frame-ancestors', () => {
  it.each(['/', '/index.html', '/page.js', '/page.css', '/favicon.ico', '/api/state', '/nowhere'])(
    'GET %s cannot be framed',
    async (route) => {
      const response = await pg.get(route);
      await response.arrayBuffer();
      expectUnframeable(response);
    },
  );

  it("the API's answers, its refusals included, cannot be framed", async () => {
    const edit = await pg.post('/api/cell', { sheet: 'Links', cell: 'L2', input: 'framed?' });
    expect(edit.status).toBe(200);
    expectUnframeable(edit);
    const refused = await pg.post('/api/cell', { sheet: 'Nope', cell: 'A1', input: 'x' });
    expect(refused.status).toBe(400);
    expectUnframeable(refused);
    const wrongType = await fetch(`${pg.url}/api/select`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(wrongType.status).toBe(415);
    expectUnframeable(wrongType);
    expectUnframeable(await pg.post('/api/open', {}));
  });

  it('the webhook front, its echo URLs and their refusals cannot be framed', async () => {
    const event = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: 77 }).scenario.paid().events[0]!;
    const front = await fetch(pg.webhookUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(event),
    });
    await front.text();
    expect(front.status).toBe(302);
    expectUnframeable(front);
    const echo = await fetch(new URL(front.headers.get('location') ?? '', pg.url));
    expect(echo.status).toBe(200);
    expectUnframeable(echo);
    const spent = await fetch(new URL(front.headers.get('location') ?? '', pg.url));
    expect(spent.status).toBe(410);
    expectUnframeable(spent);
    const wrongMethod = await fetch(pg.webhookUrl);
    expect(wrongMethod.status).toBe(405);
    expectUnframeable(wrongMethod);
  });

  it("a sidebar's HTML may be framed by the playground's own origins only", async () => {
    const reply = await pg.menu('openLinkBuilder');
    const ref = reply.dialogs[0];
    expect(ref?.url).toMatch(/^\/ui\/[0-9a-f]+$/);
    const response = await pg.get(`${ref?.url ?? ''}?parent=${encodeURIComponent(pg.url.replace('127.0.0.1', 'localhost'))}`);
    expect(response.status).toBe(200);
    await response.text();
    const port = new URL(pg.url).port;
    expect(response.headers.get('content-security-policy')).toBe(
      `frame-ancestors http://localhost:${port} http://127.0.0.1:${port} http://[::1]:${port}`,
    );
    expect(response.headers.get('x-frame-options')).toBeNull(); // it cannot name another origin: the CSP decides
  });
});
