import { RESPONSIBILITY_LEVELS, type ResponsibilityLevel } from '@zhaoshang/shared/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DictionaryEntry } from '../../../common/entities/dictionary-entry.js';
import { Region } from '../../dictionaries/entities/region.entity.js';

/**
 * 责任单位 (DOMAIN.md §9): 市直部门 and the districts' bureaus. Projects carry the name
 * (projects.lead_department references it ON UPDATE CASCADE); problems and notices are addressed to units.
 */
@Entity({ name: 'units' })
@Check('chk_units_level_region', `("level" = 'DISTRICT') = ("region_code" IS NOT NULL)`)
export class Unit extends DictionaryEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name: string;

  @Column({ type: 'enum', enum: RESPONSIBILITY_LEVELS, enumName: 'responsibility_level' })
  level: ResponsibilityLevel;

  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;
}
