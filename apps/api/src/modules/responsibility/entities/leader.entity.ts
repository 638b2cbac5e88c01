import { RESPONSIBILITY_LEVELS, type ResponsibilityLevel } from '@zhaoshang/shared/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DictionaryEntry } from '../../../common/entities/dictionary-entry.js';
import { Region } from '../../dictionaries/entities/region.entity.js';
import { User } from '../../users/entities/user.entity.js';

/**
 * 包联领导 (DOMAIN.md §9): the name is what projects and spreadsheets carry (projects.lead_official
 * references it ON UPDATE CASCADE, so that correcting a name corrects every project of the leader).
 */
@Entity({ name: 'leaders' })
@Check('chk_leaders_level_region', `("level" = 'DISTRICT') = ("region_code" IS NOT NULL)`)
export class Leader extends DictionaryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  portfolio: string | null;

  @Column({ type: 'enum', enum: RESPONSIBILITY_LEVELS, enumName: 'responsibility_level' })
  level: ResponsibilityLevel;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** the LEADER account that is this leader (one account, one entry) */
  @Column({ type: 'uuid', nullable: true, unique: true })
  userId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
