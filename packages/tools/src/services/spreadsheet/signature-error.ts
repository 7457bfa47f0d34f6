/**
 * The error Apps Script raises when a SpreadsheetApp-family method is called with arguments of the
 * wrong types ("The parameters (String,number) don't match the method signature for ..."), naming
 * each argument's type as Apps Script names it.
 */

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

export function signatureError(args: unknown[], method: string): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`);
}
