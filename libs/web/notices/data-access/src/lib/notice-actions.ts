import { type NoticeDto, type ResponsibilityLevel, type Role, can } from '@zhaoshang/shared/domain';

/** Who looks at a notice: their role and district, and the leader entry linked to their account (if any). */
export interface NoticeViewer {
  role: Role;
  regionCode: string | null;
  /** the id of the leader entry whose `userId` is this account */
  leaderId: string | null;
}

/** What the notice page offers its viewer; the API checks the same again (DOMAIN.md §7). */
export interface NoticeActions {
  sign: boolean;
  return: boolean;
  feedback: boolean;
  close: boolean;
  cancel: boolean;
  edit: boolean;
}

const NONE: NoticeActions = { sign: false, return: false, feedback: false, close: false, cancel: false, edit: false };

/**
 * DOMAIN.md §7 and §9: the leader named as signer signs or returns a draft and does nothing else;
 * city staff edit, cancel and close; the recipient's district (or city staff, for a 市直 unit) answers.
 */
export function noticeActions(notice: Pick<NoticeDto, 'status' | 'signerLeaderId' | 'regionCode'>, viewer: NoticeViewer | null, recipientLevel: ResponsibilityLevel | null): NoticeActions {
  if (!viewer) return NONE;
  const draft = notice.status === 'PENDING_SIGNATURE' || notice.status === 'RETURNED';
  const live = notice.status === 'ISSUED' || notice.status === 'ANSWERED';
  const mine = can(viewer.role, 'notices:sign') && notice.status === 'PENDING_SIGNATURE' && notice.signerLeaderId !== null && notice.signerLeaderId === viewer.leaderId;
  const issuer = can(viewer.role, 'notices:issue');
  // a second answer replaces the first; a district bureau answers for itself, city staff record a city unit's
  const answers =
    live &&
    can(viewer.role, 'notices:feedback') &&
    (viewer.role === 'DISTRICT_STAFF' ? viewer.regionCode === notice.regionCode : viewer.role === 'CITY_STAFF' ? recipientLevel === 'CITY' : true);
  return { sign: mine, return: mine, feedback: answers, close: issuer && live, cancel: issuer && draft, edit: issuer && draft };
}
