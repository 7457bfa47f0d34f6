/** Counts in words that agree (issue 17): what the settled sync says when it stops after one page and one transaction. */
import { describeSettledStop, emptySettledReport } from '../../../src/core/stripe/settled-sync-state';

describe('the settled sync stopped at the time limit', () => {
  it('says "1 page" and "1 balance transaction", and the plural for more', () => {
    expect(describeSettledStop({ ...emptySettledReport(), pages: 1, recorded: 1 }, { kind: 'time' })).toBe(
      "Fees and net in the account's currency: stopped at the time limit after 1 page of balance transactions (1 balance transaction recorded so far); the next sync continues from there.",
    );
    expect(describeSettledStop({ ...emptySettledReport(), pages: 2, recorded: 200 }, { kind: 'time' })).toMatch(
      /after 2 pages of balance transactions \(200 balance transactions recorded so far\)/,
    );
    expect(
      describeSettledStop({ ...emptySettledReport(), recorded: 1 }, { kind: 'error', error: 'Stripe could not be reached', status: 0 }),
    ).toBe(
      "Fees and net in the account's currency stopped: Stripe could not be reached (1 balance transaction recorded so far); the next sync resumes there.",
    );
  });
});
