import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DictionaryEntry } from '../../../common/entities/dictionary-entry.js';

@Entity({ name: 'industries' })
export class Industry extends DictionaryEntry {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 50, unique: true })
  name: string;
}
