/** `npm run bench`: prints figures, each against a baseline measured in the same run. */
import { benchAttribution } from './attribution.bench';
import { benchCheckouts, benchCheckoutsRefresh } from './checkouts.bench';
import { benchCustomFunctions } from './custom-functions.bench';
import { benchPlayground, benchRelay } from './playground.bench';
import { benchMoney, benchMoneyRefresh } from './money.bench';
import { benchSettled } from './settled.bench';
import { benchWebhook } from './webhook.bench';

async function main(): Promise<void> {
  console.log(`npm run bench: Node ${process.version}, ${new Date().toISOString()}\n`);
  console.log('## Custom functions');
  benchCustomFunctions();
  console.log('\n## Webhook deliveries');
  benchWebhook();
  console.log('\n## Money after the sale');
  benchMoney();
  console.log('\n## Checkouts opened');
  benchCheckouts();
  console.log("\n## What Stripe kept (the account's currency)");
  benchSettled();
  console.log('\n## Attribution');
  benchAttribution();
  benchMoneyRefresh();
  benchCheckoutsRefresh();
  console.log('\n## Playground');
  await benchPlayground();
  console.log('\n## Relay');
  await benchRelay();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
