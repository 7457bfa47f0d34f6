/** The `npm run send-event` command lines the playground's banner and page show, for where it listens. */
import { DEFAULT_PORT } from '../playground/ports';

/** The first kind to try: a sale, which lands in the Reconciliation tab. */
export const FIRST_SAMPLE_KIND = 'checkout.session.completed';

/** `npm run send-event -- [--to relay] [--playground <origin>] checkout.session.completed`. */
export function sendEventCommand(playgroundOrigin: string, toRelay: boolean): string {
  const port = /:(\d+)$/.exec(playgroundOrigin)?.[1];
  const where = port === undefined || Number(port) === DEFAULT_PORT ? '' : ` --playground ${playgroundOrigin}`;
  return `npm run send-event --${toRelay ? ' --to relay' : ''}${where} ${FIRST_SAMPLE_KIND}`;
}
