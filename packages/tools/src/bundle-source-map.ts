/**
 * Points a stack trace from inside the bundle at the TypeScript it came from, using the inline
 * source map of the tests' unminified bundle (esbuild.config.mjs, buildTestBundle). Node maps
 * stacks of its own modules, not of code run in a vm context, so the runtime does it here.
 */
import { SourceMap } from 'node:module';
import path from 'node:path';

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

export type StackMapper = (stack: string) => string;

const unchanged: StackMapper = (stack) => stack;

/** Every execution loads the bundle afresh; its map is read once, and only when a stack needs it. */
const cache = new Map<string, StackMapper>();

/** A mapper for a bundle's stacks; one that changes nothing when the bundle has no inline map. */
export function stackMapperFor(code: string, filename: string): StackMapper {
  if (!code.includes('//# sourceMappingURL=data:')) return unchanged;
  const key = `${filename}\n${String(code.length)}`;
  return (stack) => {
    let mapper = cache.get(key);
    if (mapper === undefined) {
      mapper = readMapper(code, filename);
      cache.set(key, mapper);
    }
    return mapper(stack);
  };
}

function readMapper(code: string, filename: string): StackMapper {
  const found = INLINE_MAP.exec(code);
  if (!found?.[1]) return unchanged;
  const map = new SourceMap(JSON.parse(Buffer.from(found[1], 'base64').toString('utf8')) as ConstructorParameters<typeof SourceMap>[0]);
  const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g');
  const directory = path.dirname(filename);
  return (stack) =>
    stack.replace(frame, (whole, line: string, column: string) => {
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
        originalSource?: string;
        originalLine?: number;
        originalColumn?: number;
      };
      if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return whole;
      const source = path.resolve(directory, entry.originalSource);
      return `${source}:${String(entry.originalLine + 1)}:${String(entry.originalColumn + 1)}`;
    });
}
