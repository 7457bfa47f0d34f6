/** Where the playground and its relay listen unless PORT says otherwise: one place, for the banner and `npm run send-event`. */
export const DEFAULT_PORT = 8787;
/** Where `npm run relay` listens unless PORT says otherwise (packages/add-on/src/relay/node-server.ts). */
export const RELAY_DEFAULT_PORT = 8788;
