/**
 * Calendar dates travel as `YYYY-MM-DD` and months as `YYYY-MM` (DOMAIN.md §2); date pickers work
 * with a Date at local midnight of the day the user picked. These convert between the two by the
 * local calendar fields, so no time zone shifts a day.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromIsoDate(value: string | null | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function toIsoMonth(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

export function fromIsoMonth(value: string | null | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, 1) : null;
}
