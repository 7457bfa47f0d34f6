/**
 * The relay's entry: Cloudflare Workers module syntax, `export default { fetch(request, env) }`.
 * Built to build/relay.mjs, which wrangler.toml deploys as it is, `deno serve` runs, and the
 * Node server (node-server.ts) wraps.
 */

import { createRelay } from './relay';

export default createRelay();
