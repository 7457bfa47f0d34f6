// The runtime tests load build/test/Code.js: dist/Code.js's own code, unminified, with a source
// map, so an error inside it names the TypeScript line. The shipped file is tested by the
// bundle-shape, custom-function and shipped-bundle suites, which name dist/Code.js themselves.
const path = require('node:path');

process.env.APPS_SCRIPT_BUNDLE = path.resolve(__dirname, '../build/test/Code.js');
process.setSourceMapsEnabled(true);
