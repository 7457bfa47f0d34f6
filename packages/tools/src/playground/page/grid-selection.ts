/**
 * The grid's selection as data: the selected blocks, the active cell and the corner that shift
 * extends, and how a click, a drag or an arrow key changes them. No DOM here, so the rules read on
 * their own.
 */
import type { SheetView } from '../api-types';
import { contains, rectA1, rectOf, type Point, type Rect } from './a1';

/** How far the grid reaches: the tab's size, and what the table draws of it. */
export interface Bounds {
  /** The tab's size, for whole rows and columns (a header click selects all of them). */
  maxRows: number;
  maxColumns: number;
  /** The drawn rows and columns, which arrow keys stay within. */
  rows: number;
  columns: number;
}

export class Selection {
  /** Selected blocks; the last one is the one shift extends. */
  ranges: Rect[] = [{ r1: 1, c1: 1, r2: 1, c2: 1 }];
  active: Point = { r: 1, c: 1 };
  /** The corner opposite the active cell in the last block (what shift+arrows move). */
  private far: Point = { r: 1, c: 1 };

  /** The selection in A1 notation, the block holding the active cell first. */
  a1(sheet: SheetView | null): string[] {
    if (!sheet) return ['A1'];
    const a1 = this.ranges.map((rect) => rectA1(rect, sheet.maxRows, sheet.maxColumns));
    const activeIndex = this.ranges.findIndex((rect) => contains(rect, this.active));
    if (activeIndex > 0) a1.unshift(...a1.splice(activeIndex, 1));
    return a1;
  }

  /** Selects blocks the server names (after the add-on moved the selection). */
  set(rects: Rect[], active?: Point): void {
    this.ranges = rects.map((rect) => ({ ...rect }));
    const first = this.ranges[0] ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
    this.active = active ?? { r: first.r1, c: first.c1 };
    const last = this.ranges[this.ranges.length - 1] ?? first;
    this.far = { r: last.r2, c: last.c2 };
  }

  /**
   * A click on a cell or a header (row 0: a column header, column 0: a row header, both: the
   * corner); shift extends the last block, ctrl/cmd adds a block.
   */
  click(point: Point, shift: boolean, add: boolean, bounds: Bounds): void {
    const whole = point.r === 0 || point.c === 0;
    const target: Point = { r: Math.max(1, point.r), c: Math.max(1, point.c) };
    if (shift && !whole) {
      this.far = target;
      this.ranges[this.ranges.length - 1] = rectOf(this.active, target);
    } else if (add) {
      this.ranges.push(wholeRect(point, bounds));
      this.active = target;
      this.far = target;
    } else {
      this.ranges = [wholeRect(point, bounds)];
      this.active = target;
      this.far = target;
    }
  }

  /** A drag that reached `point`: the last block spans from the active cell to it. */
  dragTo(point: Point): void {
    this.far = point;
    this.ranges[this.ranges.length - 1] = rectOf(this.active, point);
  }

  /** Moves the active cell (or, extending, the far corner) and returns the cell to bring into view. */
  move(dr: number, dc: number, extend: boolean, bounds: Bounds): Point {
    const clamp = (point: Point): Point => ({
      r: Math.min(Math.max(1, point.r), bounds.rows),
      c: Math.min(Math.max(1, point.c), bounds.columns),
    });
    if (extend) {
      this.far = clamp({ r: this.far.r + dr, c: this.far.c + dc });
      this.ranges = [rectOf(this.active, this.far)];
      return this.far;
    }
    this.active = clamp({ r: this.active.r + dr, c: this.active.c + dc });
    this.far = this.active;
    this.ranges = [rectOf(this.active, this.active)];
    return this.active;
  }
}

function wholeRect(point: Point, bounds: Bounds): Rect {
  const { maxRows, maxColumns } = bounds;
  if (point.r === 0 && point.c === 0) return { r1: 1, c1: 1, r2: maxRows, c2: maxColumns };
  if (point.r === 0) return { r1: 1, c1: point.c, r2: maxRows, c2: point.c };
  if (point.c === 0) return { r1: point.r, c1: 1, r2: point.r, c2: maxColumns };
  return { r1: point.r, c1: point.c, r2: point.r, c2: point.c };
}
