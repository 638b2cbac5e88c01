/** Issue 6: annual targets (目标任务) per region, year and indicator (generated from the entity). */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTargets1795442166317 implements MigrationInterface {
  name = 'AddTargets1795442166317';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "targets" ("region_code" character varying(12) NOT NULL, "year" integer NOT NULL, "indicator" character varying(32) NOT NULL, "value" numeric(16,2) NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_targets_indicator" CHECK ("indicator" IN ('signedAmountWan', 'signedCount10m', 'arrivedFundsWan', 'startedCount')), CONSTRAINT "chk_targets_value" CHECK ("value" >= 0), CONSTRAINT "PK_5b3f090de30626fa5c019c724b7" PRIMARY KEY ("region_code", "year", "indicator"))`);
    await queryRunner.query(`ALTER TABLE "targets" ADD CONSTRAINT "FK_9c54da8cf815406b27569e06c64" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_9c54da8cf815406b27569e06c64"`);
    await queryRunner.query(`DROP TABLE "targets"`);
  }
}
