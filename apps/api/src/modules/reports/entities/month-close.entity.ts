import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** 月结 (DOMAIN.md §2): a month closed for the whole city freezes its reports; reopening needs a reason. */
@Entity({ name: 'month_closes' })
export class MonthClose {
  /** YYYY-MM */
  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'boolean' })
  closed: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** display name of who closed it */
  @Column({ type: 'varchar', length: 100, nullable: true })
  closedBy: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reopenReason: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
