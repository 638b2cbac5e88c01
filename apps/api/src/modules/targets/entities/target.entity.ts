import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Region } from '../../dictionaries/entities/region.entity.js';

/**
 * 目标任务 (DOMAIN.md §2): a region's annual target for one of TARGET_INDICATORS. Amounts are 万元;
 * counts are whole numbers kept in the same numeric column. The city (150500) may have its own.
 */
@Entity({ name: 'targets' })
@Check('chk_targets_value', `"value" >= 0`)
@Check('chk_targets_indicator', `"indicator" IN ('signedAmountWan', 'signedCount10m', 'arrivedFundsWan', 'startedCount')`)
export class Target {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionCode: string;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** one of TARGET_INDICATORS */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  indicator: string;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  value: string;

  @VersionColumn({ type: 'integer' })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
