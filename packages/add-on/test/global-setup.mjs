// Every jest run builds afresh: dist/Code.js, the artifact users get (the shipped-bundle and
// bundle-shape tests run it), and build/test/Code.js, the same code unminified with a source map,
// which the other runtime tests load so that a failure points at the TypeScript line.
import { build, buildTestBundle } from '../esbuild.config.mjs';

export default async function globalSetup() {
  await Promise.all([build(), buildTestBundle()]);
}
