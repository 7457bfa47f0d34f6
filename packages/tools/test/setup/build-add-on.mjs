// Every jest run of the tools builds the add-on afresh, through its package: dist/Code.js (what
// users get, and what the playground runs) and build/test/Code.js, its unminified twin with a
// source map, which the runtime tests load so that an error names the TypeScript line.
import { build, buildTestBundle } from '@stripe-utm-sheets/add-on/build';

export default async function globalSetup() {
  await Promise.all([build(), buildTestBundle()]);
}
