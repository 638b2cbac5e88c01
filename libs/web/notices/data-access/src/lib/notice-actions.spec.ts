import { NOTICE_STATUSES, type NoticeStatus } from '@zhaoshang/shared/domain';
import { type NoticeViewer, noticeActions } from './notice-actions';

const notice = (status: NoticeStatus) => ({ status, signerLeaderId: 'l-1', regionCode: '150523' });
const leader: NoticeViewer = { role: 'LEADER', regionCode: null, leaderId: 'l-1' };
const otherLeader: NoticeViewer = { role: 'LEADER', regionCode: null, leaderId: 'l-2' };
const city: NoticeViewer = { role: 'CITY_STAFF', regionCode: null, leaderId: null };
const district: NoticeViewer = { role: 'DISTRICT_STAFF', regionCode: '150523', leaderId: null };
const otherDistrict: NoticeViewer = { role: 'DISTRICT_STAFF', regionCode: '150525', leaderId: null };

describe('noticeActions', () => {
  it('lets an admin do what city staff do, and never sign', () => {
    const admin: NoticeViewer = { role: 'ADMIN', regionCode: null, leaderId: 'l-1' };
    expect(noticeActions(notice('PENDING_SIGNATURE'), admin, 'DISTRICT')).toEqual({ sign: false, return: false, feedback: false, close: false, cancel: true, edit: true });
    expect(noticeActions(notice('ISSUED'), admin, 'DISTRICT')).toMatchObject({ feedback: true, close: true });
  });

  it('lets only the named leader sign or return, and only a draft waiting', () => {
    for (const status of NOTICE_STATUSES) {
      const mine = status === 'PENDING_SIGNATURE';
      expect(noticeActions(notice(status), leader, 'DISTRICT')).toEqual({ sign: mine, return: mine, feedback: false, close: false, cancel: false, edit: false });
      expect(noticeActions(notice(status), otherLeader, 'DISTRICT').sign).toBe(false);
      expect(noticeActions(notice(status), city, 'DISTRICT').sign).toBe(false);
    }
  });

  it('lets city staff edit and cancel drafts, close live notices', () => {
    expect(noticeActions(notice('RETURNED'), city, 'DISTRICT')).toMatchObject({ edit: true, cancel: true, close: false });
    expect(noticeActions(notice('PENDING_SIGNATURE'), city, 'DISTRICT')).toMatchObject({ edit: true, cancel: true, close: false });
    expect(noticeActions(notice('ANSWERED'), city, 'DISTRICT')).toMatchObject({ edit: false, cancel: false, close: true });
    expect(noticeActions(notice('CLOSED'), city, 'DISTRICT')).toMatchObject({ edit: false, cancel: false, close: false, feedback: false });
    expect(noticeActions(notice('ISSUED'), district, 'DISTRICT')).toMatchObject({ edit: false, cancel: false, close: false });
  });

  it('lets the district of the project answer, city staff only for a city unit', () => {
    expect(noticeActions(notice('ISSUED'), district, 'DISTRICT').feedback).toBe(true);
    expect(noticeActions(notice('ISSUED'), otherDistrict, 'DISTRICT').feedback).toBe(false);
    expect(noticeActions(notice('ANSWERED'), district, 'DISTRICT').feedback).toBe(true);
    expect(noticeActions(notice('CLOSED'), district, 'DISTRICT').feedback).toBe(false);
    expect(noticeActions(notice('PENDING_SIGNATURE'), district, 'DISTRICT').feedback).toBe(false);
    expect(noticeActions(notice('ISSUED'), city, 'DISTRICT').feedback).toBe(false);
    expect(noticeActions(notice('ISSUED'), city, null).feedback).toBe(false);
    expect(noticeActions(notice('ISSUED'), city, 'CITY').feedback).toBe(true);
    expect(noticeActions(notice('ISSUED'), null, 'CITY').feedback).toBe(false);
  });
});
