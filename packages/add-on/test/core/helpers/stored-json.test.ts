/** Stored text read back: only a JSON object counts; anything else (none, not JSON, an array, a number) reads as none. */
import { storedObject } from '../../../src/core/helpers/stored-json';

describe('storedObject', () => {
  it('reads a JSON object, and nothing else', () => {
    expect(storedObject('{"day":"2026-12-06","count":3}')).toEqual({ day: '2026-12-06', count: 3 });
    for (const text of [null, undefined, '', 'not json', '[1,2]', '42', 'null', '"text"', '{"cut']) expect(storedObject(text)).toBeNull();
  });
});
