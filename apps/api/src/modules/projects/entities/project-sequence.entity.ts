import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last project number given per region and year. Taken with an upsert inside the creating
 * transaction: the row stays locked until it commits, so numbers have neither gaps nor duplicates.
 */
@Entity({ name: 'project_sequences' })
export class ProjectSequence {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  regionCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  lastSeq: number;
}
