import { ROLES, type Role } from '@zhaoshang/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Region } from '../../dictionaries/entities/region.entity.js';

@Entity({ name: 'users' })
@Check('chk_users_district_region', `"role" <> 'DISTRICT_STAFF' OR "region_code" IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** stored lower-case: sign-in is case-insensitive */
  @Column({ type: 'varchar', length: 32, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role: Role;

  /** the one region a DISTRICT_STAFF user works for; null for everyone else */
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** raised when the password is reset or the account disabled: older tokens stop working */
  @Column({ type: 'integer', default: 0 })
  sessionEpoch: number;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
