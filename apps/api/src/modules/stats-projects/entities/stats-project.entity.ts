import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Region } from '../../dictionaries/entities/region.entity.js';

/**
 * One row of the statistics bureau's list of registered projects (固定资产投资项目库, DOMAIN.md §10)
 * for one month, as they pushed or imported it: their figures, never ours. A month's list is
 * replaced as a whole, so the key is the month and their project code.
 */
@Entity({ name: 'stats_projects' })
@Index('idx_stats_projects_month_region', ['month', 'regionCode'])
@Check('chk_stats_projects_completed', `"completed_ytd_wan" >= 0`)
export class StatsProject {
  /** YYYY-MM: the list's month */
  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  /** 投资项目代码 */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  nationalCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** their 入库 month */
  @Column({ type: 'char', length: 7 })
  registeredMonth: string;

  /** 完成投资 1–M月累计, 万元 */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  completedYtdWan: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
