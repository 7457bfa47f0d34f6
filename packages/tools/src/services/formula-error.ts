/**
 * An error value a formula computes to (#DIV/0!, #VALUE!, #N/A, #REF!, #NUM!), with the message
 * Sheets shows on hover. A formula evaluator throws it to make the cell hold that code, as Sheets'
 * error values do; anything else it throws makes the cell #ERROR! (see Workbook's FormulaEvaluator).
 */
export type FormulaErrorCode = '#DIV/0!' | '#VALUE!' | '#N/A' | '#REF!' | '#NUM!' | '#ERROR!';

/** The codes a cell's value may hold after a formula failed (what an operand reading it passes on). */
export const FORMULA_ERROR_CODES: readonly string[] = ['#ERROR!', '#REF!', '#NAME?', '#VALUE!', '#N/A', '#DIV/0!', '#NUM!'];

export class FormulaError extends Error {
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}
