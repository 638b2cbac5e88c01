import type { ProjectDetailDto } from '@zhaoshang/shared/domain';
import type { TestApp } from './test-app.js';

/**
 * Files a project's report for a month through the API as the given (admin or city) user: saved as
 * a draft, submitted, and verified unless `verify` is false.
 */
export async function fileReport(
  t: TestApp,
  token: string,
  project: Pick<ProjectDetailDto, 'id' | 'regionCode'>,
  month: string,
  figures: Record<string, string>,
  verify = true,
): Promise<void> {
  const saved = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
    token,
    body: { regionCode: project.regionCode, month, items: [{ projectId: project.id, version: null, ...figures }] },
  });
  if (saved.status !== 200) throw new Error(`draft ${saved.status} ${JSON.stringify(saved.body)}`);
  const submitted = await t.request<{ items: { id: string; version: number }[] }>('POST', '/api/v1/monthly-reports/submit', {
    token,
    body: { regionCode: project.regionCode, month, projectIds: [project.id] },
  });
  if (submitted.status !== 200) throw new Error(`submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
  if (!verify) return;
  const verified = await t.request('POST', '/api/v1/monthly-reports/verify', { token, body: { items: submitted.body.items.map(({ id, version }) => ({ id, version })) } });
  if (verified.status !== 200) throw new Error(`verify ${verified.status} ${JSON.stringify(verified.body)}`);
}
