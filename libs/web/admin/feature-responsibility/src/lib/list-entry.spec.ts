import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { LeaderDto, UnitDto } from '@zhaoshang/shared/domain';
import { isLeader, listEntryForm, nextSortOrder } from './list-entry';

const leader: LeaderDto = { id: 'l1', name: '副市长 王某', portfolio: '招商引资', level: 'CITY', regionCode: null, userId: null, sortOrder: 20, active: true, version: 1 };
const unit: UnitDto = { id: 'u1', name: '奈曼旗人民政府', level: 'DISTRICT', regionCode: '150525', sortOrder: 40, active: true, version: 1 };

describe('list entries (包联领导 / 责任单位)', () => {
  const form = () => TestBed.runInInjectionContext(() => listEntryForm(TestBed.inject(NonNullableFormBuilder)));

  it('asks a district entry for its district, and clears it when the entry becomes the city’s', () => {
    const f = form();
    f.controls.name.setValue('奈曼旗发改委');
    f.controls.level.setValue('DISTRICT');
    expect(f.controls.regionCode.errors).toEqual({ place: '旗县区级须选择所属旗县区' });
    f.controls.regionCode.setValue('150525');
    expect(f.controls.regionCode.errors).toBeNull();
    f.controls.level.setValue('CITY');
    expect(f.controls.regionCode.value).toBeNull();
    expect(f.controls.regionCode.errors).toBeNull();
  });

  it('tells a leader from a unit, and suggests the next sort order', () => {
    expect(isLeader(leader)).toBe(true);
    expect(isLeader(unit)).toBe(false);
    expect(nextSortOrder([leader, unit])).toBe(50);
    expect(nextSortOrder([])).toBe(10);
  });
});
