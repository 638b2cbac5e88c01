import type { BulletinContent } from '@zhaoshang/shared/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A generated 季通报 (issue 15 item 2), kept as it was generated: the content, the revisions of the
 * published figures it used and the .docx itself, so that it downloads unchanged after corrections.
 * `version` numbers the bulletins of a quarter (a regenerated one is the next).
 */
@Entity({ name: 'bulletins' })
@Index('uq_bulletins_quarter_version', ['quarter', 'version'], { unique: true })
export class Bulletin {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ type: 'integer' })
  version: number;

  /** [{month, revision}] of the closed months used */
  @Column({ type: 'jsonb' })
  revisions: { month: string; revision: number }[];

  @Column({ type: 'jsonb' })
  content: BulletinContent;

  @Column({ name: 'closing_paragraph', type: 'text' })
  closingParagraph: string;

  @Column({ type: 'bytea' })
  docx: Buffer;

  @Column({ name: 'generated_by', type: 'varchar', length: 100 })
  generatedBy: string;

  @Column({ name: 'generated_at', type: 'timestamptz', default: () => 'now()' })
  generatedAt: Date;
}
