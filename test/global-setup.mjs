// Every jest run tests a freshly built dist/Code.js: the artifact users get, never a stale one.
import { build } from '../esbuild.config.mjs';

export default async function globalSetup() {
  await build();
}
