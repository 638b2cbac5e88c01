import { NOTICE_KINDS, type NoticeKind } from '@zhaoshang/shared/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number given per kind and year: taken under a row lock when a notice is issued, so numbers have no gaps nor twins. */
@Entity({ name: 'notice_counters' })
export class NoticeCounter {
  @PrimaryColumn({ type: 'enum', enum: NOTICE_KINDS, enumName: 'notice_kind' })
  kind: NoticeKind;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  last: number;
}
