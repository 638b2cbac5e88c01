import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The columns every list an admin keeps has (产业类别, 包联领导, 责任单位): an order of its own, a switch
 * instead of deletion (records keep naming a retired entry), a version for 409s, and the timestamps.
 */
export abstract class DictionaryEntry {
  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
