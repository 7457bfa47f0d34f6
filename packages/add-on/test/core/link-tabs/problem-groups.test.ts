/** Tag selected rows' problems by problem: each suggestion said once, however many rows share the value. */
import { groupProblems } from '../../../src/core/link-tabs/problem-groups';
import { checkValue } from '../../../src/core/links/validate';
import type { Problem } from '../../../src/core/links/problem';

function untagged(row: number, medium: string): { row: number; problems: Problem[]; values: Record<string, unknown> } {
  const check = checkValue('utm_medium', medium);
  if (check.status !== 'invalid') throw new Error(`${medium} is valid`);
  return { row, problems: [check.problem], values: { utm_medium: medium } };
}

describe('groupProblems', () => {
  it('names a repeated value and its suggestion once, and counts the others that differ', () => {
    const rows = [untagged(2, 'e mail'), untagged(3, 'e mail'), untagged(4, 'e mail'), untagged(5, 'paid social'), untagged(6, 'e mail')];
    const [group] = groupProblems(rows);
    expect(group?.rows).toEqual([2, 3, 4, 5, 6]);
    expect(group?.summary).toBe(
      '5 rows: utm_medium has a space; Stripe would drop it (rows 2, 3, 4 and 2 more). Suggested: "e mail" → e_mail and "paid social" → paid_social.',
    );
  });
});
