import { API_KEY_RATE_LIMIT_DEFAULT, API_KEY_RATE_LIMIT_MAX, API_KEY_RATE_LIMIT_MIN, type ApiKeyScope } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

@Entity({ name: 'api_keys' })
@Check('CHK_api_keys_rate_limit', `"rate_limit_per_minute" BETWEEN ${API_KEY_RATE_LIMIT_MIN} AND ${API_KEY_RATE_LIMIT_MAX}`)
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** the key's first characters, shown in lists so a person can tell keys apart */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the whole key, hex; the key itself is shown once and never stored */
  @Column({ type: 'char', length: 64, unique: true })
  keyHash: string;

  @Column({ type: 'text', array: true })
  scopes: ApiKeyScope[];

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** the request budget a minute (issue 16); the count itself is in api_key_usage (see rate-limit.ts) */
  @Column({ type: 'integer', default: API_KEY_RATE_LIMIT_DEFAULT })
  rateLimitPerMinute: number;

  @VersionColumn({ type: 'integer' })
  version: number;
}
