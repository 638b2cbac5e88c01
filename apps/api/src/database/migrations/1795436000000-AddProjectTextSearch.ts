import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 4: the list's text search (name, investor, project number) through an index. Chinese
 * queries are mostly two characters, which trigram indexes cannot serve, so the index holds every
 * one- and two-character piece of the lowercased text; a query asks for rows holding all pieces of
 * the search text (`@>`, GIN) and then checks the real substring match (ILIKE) on those few rows.
 * The inner call names its schema: PostgreSQL builds and maintains indexes with a search_path of
 * pg_catalog only.
 */
export class AddProjectTextSearch1795436000000 implements MigrationInterface {
  name = 'AddProjectTextSearch1795436000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "search_grams"(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(s.t, i, n)), '{}'::text[])
      FROM (SELECT lower($1) AS t) s
      CROSS JOIN generate_series(1, 2) n
      CROSS JOIN LATERAL generate_series(1, length(s.t) - n + 1) i
    $$`);
    await queryRunner.query(`CREATE FUNCTION "project_search_grams"(name text, investor_name text, project_no text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT "public"."search_grams"(name || E'\\n' || investor_name || E'\\n' || project_no)
    $$`);
    await queryRunner.query(`CREATE INDEX "idx_projects_search" ON "projects" USING gin ("project_search_grams"("name", "investor_name", "project_no"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_projects_search"`);
    await queryRunner.query(`DROP FUNCTION "project_search_grams"(text, text, text)`);
    await queryRunner.query(`DROP FUNCTION "search_grams"(text)`);
  }
}
