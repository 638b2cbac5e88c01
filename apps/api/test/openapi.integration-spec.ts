import type { OpenAPIObject } from '@nestjs/swagger';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createOpenApiDocument } from '../src/bootstrap/openapi.js';
import { loadConfig } from '../src/config/config.js';
import { openApiProblems } from './support/openapi-check.js';
import { TestApp } from './support/test-app.js';

const ROOT = resolve(__dirname, '../../..');
const CLIENT = join(ROOT, 'libs/api-client');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A minimal document with one operation whose answers are `responses`, for checking the checker. */
function documentWith(responses: Record<string, unknown>): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/api/v1/x': { get: { responses } } },
    components: {
      schemas: {
        ApiErrorResponse: { type: 'object', properties: { statusCode: { type: 'number' } } },
        Thing: { type: 'object', properties: { id: { type: 'string' } } },
        Empty: { type: 'object' },
      },
    },
  } as OpenAPIObject;
}

const ERROR = { description: 'e', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorResponse' } } } };
const json = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });

describe('OpenAPI document and the typed client (issue 16)', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await createOpenApiDocument(loadConfig({ LOG_LEVEL: 'error', WEB_DIR: 'none', DATA_DIR: mkdtempSync(join(tmpdir(), 'zs-openapi-')) }));
  });

  it('documents a typed success answer and the shared error schema for every operation', () => {
    // a health check's 503 is its report (status, database, pending migrations), read by load balancers
    const exempt = ['GET /api/health 503', 'GET /api/health/ready 503'];
    const problems = openApiProblems(document, exempt).map((p) => `${p.operation}: ${p.problem}`);
    expect(problems).toEqual([]);
    // the check looked at the whole API, not an empty document
    expect(Object.keys(document.paths).length).toBeGreaterThan(80);
  });

  it('names the operation and what is wrong when an answer is untyped or an error lacks the schema', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ default: ERROR }, '没有 2xx 成功应答'],
      [{ '200': { description: 'ok' }, default: ERROR }, '200 应答没有内容类型与 schema'],
      [{ '200': json({}), default: ERROR }, '200 application/json：schema 没有属性（{} 或 object）'],
      [{ '200': json({ $ref: '#/components/schemas/Empty' }), default: ERROR }, '200 application/json：schema 没有属性（{} 或 object）'],
      [{ '200': json({ type: 'array', items: { type: 'object' } }), default: ERROR }, '200 application/json：schema 没有属性（{} 或 object）'],
      [{ '200': json({ $ref: '#/components/schemas/Missing' }), default: ERROR }, '200 application/json：引用的 schema 不存在：#/components/schemas/Missing'],
      [{ '200': { description: 'f', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'object' } } } }, default: ERROR }, '200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 应为 binary schema'],
      [{ '200': json({ $ref: '#/components/schemas/Thing' }), '404': { description: 'n' }, default: ERROR }, '404 错误应答未使用 ApiErrorResponse'],
      [{ '200': json({ $ref: '#/components/schemas/Thing' }), '503': json({ $ref: '#/components/schemas/Thing' }), default: ERROR }, '503 错误应答未使用 ApiErrorResponse'],
      [{ '200': json({ $ref: '#/components/schemas/Thing' }) }, '没有错误应答'],
      [{ '200': json({ $ref: '#/components/schemas/Thing' }), '400': ERROR }, '没有 default 错误应答（503/500）'],
    ];
    for (const [responses, problem] of cases) {
      expect(openApiProblems(documentWith(responses))).toEqual([{ operation: 'GET /api/v1/x', problem }]);
    }
    expect(openApiProblems(documentWith({ '200': json({ type: 'array', items: { $ref: '#/components/schemas/Thing' } }), '204': { description: 'none' }, default: ERROR }))).toEqual([]);
    // an extension of the error body (all its fields and more) and an exempted answer pass
    const extended = json({ type: 'object', properties: { statusCode: {}, error: {}, message: {}, errors: {} } });
    expect(openApiProblems(documentWith({ '200': json({ $ref: '#/components/schemas/Thing' }), '422': extended, '503': { description: 'h' }, default: ERROR }), ['GET /api/v1/x 503'])).toEqual([]);
  });

  it('is the document the running API serves', async () => {
    const t = await TestApp.start();
    try {
      const served = await t.request<OpenAPIObject>('GET', '/api/openapi.json');
      expect(served.status).toBe(200);
      expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
    } finally {
      await t.stop();
    }
  });

  it('has the schemas of libs/shared/domain generated from the current types (else: npm run api:client)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-schemas-'));
    try {
      const out = join(dir, 'domain-schemas.generated.ts');
      execFileSync(process.execPath, [join(ROOT, 'tools/scripts/openapi-schemas.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'apps/api/src/common/openapi/domain-schemas.generated.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a committed client generated from this very document (else: npm run api:client)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-client-'));
    try {
      const input = join(dir, 'input.json');
      writeFileSync(input, JSON.stringify(document));
      const root = join(dir, 'api-client');
      execFileSync(process.execPath, [join(ROOT, 'tools/scripts/api-client.mjs'), '--document', input, '--root', root], { cwd: ROOT, stdio: 'pipe' });
      const generated = ['openapi.json', ...filesUnder(join(root, 'src/generated')).map((f) => join('src/generated', f))];
      const committed = ['openapi.json', ...filesUnder(join(CLIENT, 'src/generated')).map((f) => join('src/generated', f))];
      expect(committed).toEqual(generated);
      const stale = generated.filter((file) => readFileSync(join(root, file), 'utf8') !== readFileSync(join(CLIENT, file), 'utf8'));
      expect(stale).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
