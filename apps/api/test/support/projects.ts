import { type CreateProjectRequest, type ProjectDetailDto, usccCheckCharacter } from '@zhaoshang/shared/domain';
import type { TestApp } from './test-app.js';

/** A valid 统一社会信用代码 made from a number, so tests can have as many distinct investors as they like. */
export function uscc(n: number): string {
  const first17 = `91150525MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

let counter = 0;

/** A valid signed project in 奈曼旗 with a unique name; override what the test is about. */
export function projectBody(overrides: Partial<CreateProjectRequest> = {}): CreateProjectRequest {
  counter += 1;
  return {
    name: `测试项目${counter}-${Math.random().toString(36).slice(2, 8)}`,
    regionCode: '150525',
    industryCode: 'NE',
    investorName: `测试投资方${counter}`,
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '1200.00',
    stage: 'SIGNED',
    signedAt: '2025-03-01',
    ...overrides,
  };
}

export async function createProject(t: TestApp, token: string, overrides: Partial<CreateProjectRequest> = {}): Promise<ProjectDetailDto> {
  const response = await t.request<ProjectDetailDto>('POST', '/api/v1/projects', { token, body: projectBody(overrides) });
  if (response.status !== 201) throw new Error(`create project failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
