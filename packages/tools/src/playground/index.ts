/** The playground, for the browser tests and the benchmark: `startPlayground({ port: 0, stateFile, quiet: true })`. */
export { startPlayground, DEFAULT_PORT, DEFAULT_STATE_FILE } from './start-playground';
export type { RunningPlayground, StartPlaygroundOptions } from './start-playground';
export { PLAYGROUND_STRIPE_KEY } from './playground-stripe';
export type * from './api-types';
