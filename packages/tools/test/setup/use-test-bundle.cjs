// The runtime tests load the add-on's build/test/Code.js (dist/Code.js's own code, unminified,
// with a source map); the suites that run the shipped file name dist/Code.js themselves.
const path = require('node:path');

process.env.APPS_SCRIPT_BUNDLE = path.join(path.dirname(require.resolve('@stripe-utm-sheets/add-on/package.json')), 'build/test/Code.js');
process.setSourceMapsEnabled(true);
