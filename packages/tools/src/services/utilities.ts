/**
 * Utilities, following https://developers.google.com/apps-script/reference/utilities/utilities (getUuid,
 * formatDate with Java's SimpleDateFormat letters, and a sleep that does not block), and Session (https://developers.google.com/apps-script/reference/base/session),
 * which the add-on does not call: it is there so that a script calling it is told so by name.
 */
import { randomUUID } from 'node:crypto';
import { formatSimpleDate } from './date-format';
import { facade, type ServiceEnvironment } from './script-realm';

export class UtilitiesFake {
  /** Total milliseconds the script asked Utilities.sleep for (nothing actually waits). */
  sleptMs = 0;
  /** The Utilities global. */
  readonly service: object;

  constructor(env: ServiceEnvironment) {
    this.service = facade(
      {
        getUuid: () => randomUUID(),
        formatDate: (date: unknown, timeZone: unknown, format: unknown) => {
          if (Object.prototype.toString.call(date) !== '[object Date]' || typeof timeZone !== 'string' || typeof format !== 'string') {
            throw new Error(
              'Exception: The parameters (date, timeZone, format) do not match the method signature for Utilities.formatDate.',
            );
          }
          return formatSimpleDate(new Date((date as Date).getTime()), timeZone, format);
        },
        sleep: (milliseconds: unknown) => {
          const ms = Number(milliseconds);
          if (!(ms >= 0 && ms <= 300000)) throw new Error('Invalid argument: milliseconds');
          this.sleptMs += ms;
        },
      },
      env.realm,
      { name: 'Utilities' },
    );
  }
}

/** The Session global: no member is implemented. */
export function createSession(env: ServiceEnvironment): object {
  return facade({}, env.realm, { name: 'Session' });
}
