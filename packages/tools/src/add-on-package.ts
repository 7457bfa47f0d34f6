/**
 * Where the add-on package is: the tools run its built output (dist/Code.js, its HTML, the relay's
 * build/relay.mjs), found through the package, never by a path out of this one.
 */
import path from 'node:path';

export const ADD_ON_ROOT = path.dirname(require.resolve('@stripe-utm-sheets/add-on/package.json'));

/** A path inside the add-on package: `addOnPath('dist', 'Code.js')`. */
export const addOnPath = (...parts: string[]): string => path.join(ADD_ON_ROOT, ...parts);
