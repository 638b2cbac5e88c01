import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Region } from '../../dictionaries/entities/region.entity.js';

/**
 * 全社会固定资产投资 (DOMAIN.md §2): a region's total for one month, in 万元. The city (150500) may
 * have its own figure besides its districts'.
 */
@Entity({ name: 'fai_totals' })
@Check('chk_fai_totals_amount', `"amount_wan" >= 0`)
export class FaiTotal {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionCode: string;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** YYYY-MM */
  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  amountWan: string;

  @VersionColumn({ type: 'integer' })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
