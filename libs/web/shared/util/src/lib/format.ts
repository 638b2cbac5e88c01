/** `2026-03-05T01:02:03Z` → `2026-03-05 09:02` (Beijing time); null and unparsable → the fallback. */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return fallback;
  const shifted = new Date(time + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** A rate (a fraction, DOMAIN.md §2) as a percentage with one decimal: 0.771 → `77.1%`; null → `—`. */
export function formatRate(rate: number | null | undefined, fallback = '—'): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return fallback;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
