/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same demo data set on every
 * machine, so a screenshot, a bug report or a benchmark can name the data it was made with.
 */
// a module constant, not a global look-up on each call: that is slow where globals are proxied (Jest's sandbox)
const { imul, floor, sqrt, log, cos, exp, PI } = Math;

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** an integer in [min, max], both included */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)];
  }

  /** one key of `weights`, with probability proportional to its weight */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [key, weight] of entries) {
      x -= weight;
      if (x < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** one of `items`, with probability proportional to `weight(item)` */
  pickWeighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const weights = items.map(weight);
    let x = this.next() * weights.reduce((sum, w) => sum + w, 0);
    for (let i = 0; i < items.length; i++) {
      x -= weights[i];
      if (x < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /**
   * A shuffled deck holding each item in proportion to its weight, `size` cards in all: drawing
   * from it gives the intended shares exactly (up to rounding), not just on average.
   */
  deck<T>(items: readonly T[], weight: (item: T) => number, size: number): T[] {
    const weights = items.map(weight);
    const total = weights.reduce((sum, w) => sum + w, 0);
    const exact = weights.map((w) => (w / total) * size);
    const counts = exact.map(Math.floor);
    const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
    for (let k = 0; k < size - counts.reduce((sum, c) => sum + c, 0); k++) counts[byRemainder[k][1]]++;
    const cards = items.flatMap((item, i) => Array.from({ length: counts[i] }, () => item));
    for (let i = cards.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [cards[i], cards[j]] = [cards[j], cards[i]];
    }
    return cards;
  }

  /** standard normal (Box–Muller) */
  normal(): number {
    const u = 1 - this.next();
    return sqrt(-2 * log(u)) * cos(2 * PI * this.next());
  }

  /** log-normal with the given median and the standard deviation of its logarithm */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date: day arithmetic without time zones. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(day: number): string {
  return dateOf(day).slice(0, 7);
}

/** 'YYYY-MM' plus `months` (may be negative) */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** An instant on a Shanghai calendar day (UTC+8, no daylight saving), `minute` minutes after midnight. */
export function shanghaiInstant(day: number, minute: number): number {
  return day * DAY_MS - 8 * 3_600_000 + minute * 60_000;
}

/** A 万元 amount as a decimal string with two decimals, from whole fen-of-万 (hundredths). */
export function wan(hundredths: number): string {
  const whole = floor(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}
