import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DOMAIN.md §3 and §4: Tongliao's regions and industries, as data another city can replace. */
const REGIONS: [code: string, name: string, shortName: string, parentCode: string | null][] = [
  ['150500', '通辽市', '通辽', null],
  ['150502', '科尔沁区', '科尔沁', '150500'],
  ['150521', '科尔沁左翼中旗', '科左中旗', '150500'],
  ['150522', '科尔沁左翼后旗', '科左后旗', '150500'],
  ['150523', '开鲁县', '开鲁', '150500'],
  ['150524', '库伦旗', '库伦', '150500'],
  ['150525', '奈曼旗', '奈曼', '150500'],
  ['150526', '扎鲁特旗', '扎鲁特', '150500'],
  ['150581', '霍林郭勒市', '霍林郭勒', '150500'],
  ['150571', '通辽经济技术开发区', '开发区', '150500'],
];

const INDUSTRIES: [code: string, name: string][] = [
  ['NE', '新能源（风电、光伏、储能、氢能）'],
  ['NM', '有色金属及新材料（铝、合金）'],
  ['CH', '现代煤化工及天然碱化工'],
  ['AG', '玉米生物及农畜产品精深加工（含肉牛）'],
  ['BM', '生物医药及蒙中医药'],
  ['EQ', '装备制造'],
  ['LG', '现代物流及商贸（含冷链）'],
  ['CT', '文化旅游'],
  ['DG', '数字经济'],
  ['OT', '其他'],
];

export class SeedDictionaries1795432669200 implements MigrationInterface {
  name = 'SeedDictionaries1795432669200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, [code, name, shortName, parentCode]] of REGIONS.entries()) {
      await queryRunner.query(`INSERT INTO "regions" ("code", "name", "short_name", "parent_code", "sort_order") VALUES ($1, $2, $3, $4, $5)`, [
        code,
        name,
        shortName,
        parentCode,
        index,
      ]);
    }
    for (const [index, [code, name]] of INDUSTRIES.entries()) {
      await queryRunner.query(`INSERT INTO "industries" ("code", "name", "sort_order", "version") VALUES ($1, $2, $3, 1)`, [code, name, (index + 1) * 10]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "industries" WHERE "code" = ANY($1)`, [INDUSTRIES.map(([code]) => code)]);
    await queryRunner.query(`DELETE FROM "regions" WHERE "parent_code" IS NOT NULL AND "code" = ANY($1)`, [REGIONS.map(([code]) => code)]);
    await queryRunner.query(`DELETE FROM "regions" WHERE "code" = ANY($1)`, [REGIONS.map(([code]) => code)]);
  }
}
