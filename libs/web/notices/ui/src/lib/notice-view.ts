import type { NoticeKind, NoticeStatus } from '@zhaoshang/shared/domain';

/** One colour per rung, warmer as the ladder climbs: the same on the ledger, the detail and the cards. */
export const KIND_TAG_COLORS: Record<NoticeKind, string> = {
  REMINDER: 'blue',
  URGE: 'orange',
  SUPERVISE: 'red',
  TRANSFER: 'purple',
};

export const STATUS_TAG_COLORS: Record<NoticeStatus, string> = {
  PENDING_SIGNATURE: 'gold',
  RETURNED: 'magenta',
  ISSUED: 'processing',
  ANSWERED: 'cyan',
  CLOSED: 'success',
  CANCELLED: 'default',
};

/** Calendar days `today` is past `deadline` (0 on or before it): what 超期N天 says. */
export function daysPast(deadline: string, today: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.max(0, Math.round((day(today) - day(deadline)) / 86_400_000));
}
