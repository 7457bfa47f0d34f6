/** `npm run bench`: prints figures, each against a baseline measured in the same run. */
import { benchCustomFunctions } from './custom-functions.bench';
import { benchWebhook } from './webhook.bench';

console.log(`npm run bench: Node ${process.version}, ${new Date().toISOString()}\n`);
console.log('## Custom functions');
benchCustomFunctions();
console.log('\n## Webhook deliveries');
benchWebhook();
