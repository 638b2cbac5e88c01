// The usage shown in docs/integration.md §9, type-checked with the lib (so that the guide cannot
// drift from the generated client): a full pull of the projects feed and a FAI push.
import { createClient, faiWrite, projectsFeed } from './index';

export async function pullProjectsAndPushFai(baseUrl: string, apiKey: string): Promise<string | null> {
  const client = createClient({ baseUrl, headers: { 'X-Api-Key': apiKey } });
  let cursor: string | undefined;
  let resume: string | null = null;
  for (;;) {
    const { data, error } = await projectsFeed({ client, query: { limit: 1000, cursor } });
    if (error) throw new Error(`${error.error}: ${error.message}`);
    for (const project of data.items) console.log(project.projectNo, project.contractAmountWan);
    resume = data.resumeCursor;
    if (data.nextCursor === null) break;
    cursor = data.nextCursor;
  }
  const pushed = await faiWrite({ client, body: { basis: 'YTD', items: [{ regionCode: '150502', month: '2026-06', amountWan: '283310.00' }] } });
  if (pushed.error) throw new Error(pushed.error.message);
  return resume;
}
