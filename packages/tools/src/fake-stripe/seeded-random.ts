/**
 * The fake's id generator: mulberry32, small, fast and seedable, so a seed always gives the same
 * ids. Apart from the store so the store keeps to what it holds.
 */

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: a small, fast, seedable generator; plenty for ids. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chars(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHANUMERIC.charAt(Math.floor(this.next() * ALPHANUMERIC.length));
    return out;
  }
}
