import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { MediaTypeObject, OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createOpenApiDocument } from '../src/bootstrap/openapi.js';
import { loadConfig } from '../src/config/config.js';
import { openApiProblems, schemaMismatches } from './support/openapi-check.js';
import { routeTable } from './support/route-table.js';
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

/** The operations a statistics system calls: those an API key may call. */
function keyOperations(document: OpenAPIObject): { name: string; method: string; path: string; operation: OperationObject; success: MediaTypeObject }[] {
  const found = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation?.security?.some((requirement) => 'api-key' in requirement)) continue;
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1] as ResponseObject | undefined;
      found.push({ name: `${method.toUpperCase()} ${path}`, method, path, operation, success: success?.content?.['application/json'] ?? {} });
    }
  }
  return found;
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
      [{ '200': json({ type: 'array', items: { type: 'object' } }), default: ERROR }, '200 application/json：schema 没有属性（{} 或 object）（[]）'],
      // the statistics feed's items were `{ type: 'object' }` inside a typed page: found too
      [{ '200': json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }), default: ERROR }, '200 application/json：schema 没有属性（{} 或 object）（items[]）'],
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
    // answers and examples against a schema: wrong types, missing and undocumented fields, enums, nullable
    const thing = { $ref: '#/components/schemas/Thing' };
    const doc = documentWith({});
    (doc.components!.schemas!['Thing'] as { required?: string[] }).required = ['id'];
    expect(schemaMismatches(doc, thing, { id: 'a' })).toEqual([]);
    expect(schemaMismatches(doc, thing, { id: 1 })).toEqual(['$.id: 应为字符串']);
    expect(schemaMismatches(doc, thing, {})).toEqual(['$.id: 缺少必填字段']);
    expect(schemaMismatches(doc, thing, { id: 'a', extra: 1 })).toEqual(['$.extra: 文档中没有此字段']);
    expect(schemaMismatches(doc, { type: 'array', items: thing }, [{ id: 'a' }, null])).toEqual(['$[1]: 不应为 null']);
    expect(schemaMismatches(doc, { type: 'string', enum: ['A'], nullable: true }, 'B')).toEqual(['$: "B" 不在 ["A"] 中']);
    expect(schemaMismatches(doc, { allOf: [thing], nullable: true }, null)).toEqual([]);
    // an extension of the error body (all its fields and more) and an exempted answer pass
    const extended = json({ type: 'object', properties: { statusCode: {}, error: {}, message: {}, errors: {} } });
    expect(openApiProblems(documentWith({ '200': json({ $ref: '#/components/schemas/Thing' }), '422': extended, '503': { description: 'h' }, default: ERROR }), ['GET /api/v1/x 503'])).toEqual([]);
  });

  it('describes every endpoint a statistics system calls in Chinese and English, with examples matching the schema', () => {
    const operations = keyOperations(document);
    expect(operations.length).toBeGreaterThanOrEqual(14);
    const problems: string[] = [];
    for (const { name, operation, success } of operations) {
      if (!/[\u4e00-\u9fff].*\/ ?[A-Za-z]/.test(operation.summary ?? '')) problems.push(`${name}: summary 应为“中文 / English”`);
      const description = operation.description ?? '';
      if (!/[\u4e00-\u9fff]/.test(description) || !/[A-Za-z']+(,? [A-Za-z',()]+){6}/.test(description)) problems.push(`${name}: description 应有中文和英文`);
      const examples = success.example !== undefined ? [success.example] : Object.values(success.examples ?? {}).map((e) => ('value' in e ? e.value : undefined));
      if (examples.length === 0) problems.push(`${name}: 成功应答没有示例`);
      // the key's budget per minute (DOMAIN.md §10): 429 with the error body and Retry-After
      const limited = operation.responses['429'] as ResponseObject | undefined;
      if (!limited?.headers?.['Retry-After'] || !limited.content?.['application/json']) problems.push(`${name}: 没有说明 429 与 Retry-After`);
      for (const example of examples) problems.push(...schemaMismatches(document, success.schema, example).map((p) => `${name} 示例 ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('answers what it documents: the statistics endpoints on the demo data, each answer checked against its schema', async () => {
    const t = await TestApp.start({ seedDemo: true });
    try {
      const admin = await t.adminToken();
      const created = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局对接', scopes: ['read', 'fai:write', 'stats:write'] } });
      const apiKey = created.body.key;
      // last year: the demo data covers it whenever the tests run
      const year = new Date().getFullYear() - 1;
      const query: Record<string, string> = {
        'GET /api/v1/projects': 'limit=20',
        'GET /api/v1/monthly-reports': `from=${year}-01&to=${year}-12&limit=20`,
        'GET /api/v1/fai-totals': `year=${year}`,
        'GET /api/v1/indicators': `from=${year}-01&to=${year}-12&groupBy=region`,
        'GET /api/v1/indicators/drill': `indicator=arrivedFundsWan&from=${year}-01&to=${year}-12`,
        // the demo's bureau list covers the last two complete months; any month answers (an empty one too)
        'GET /api/v1/stats-projects/reconciliation': `month=${year}-06&region=150526`,
        'GET /api/v1/stats-projects/coverage': `month=${year}-06&region=150500`,
      };
      const body: Record<string, unknown> = {
        'PUT /api/v1/stats-projects': { month: `${year}-06`, regionCode: '150526', items: [{ nationalCode: `${year}-150526-44-02-041235`, name: '扎鲁特旗风储一体化项目（文档检查）', regionCode: '150526', registeredMonth: `${year}-05`, completedYtdWan: '1200.00', month: `${year}-06` }] },
        'PUT /api/v1/fai-totals': { basis: 'YTD', items: [{ regionCode: '150502', month: `${year}-01`, amountWan: '1234.50' }, { regionCode: '150502', month: `${year}-02`, amountWan: '2469.00' }] },
      };
      const problems: string[] = [];
      const answered: string[] = [];
      for (const { name, method, path, success } of keyOperations(document)) {
        const url = path.replace('{month}', `${year}-06`) + (query[name] ? `?${query[name]}` : '');
        const response = await t.request(method.toUpperCase(), url, { apiKey, body: body[name] });
        if (response.status !== 200) {
          problems.push(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
          continue;
        }
        answered.push(name);
        // the feeds must have answered rows, or the check proves nothing about their items
        if (/^GET .*(projects|monthly-reports)$/.test(name) && (response.body as { items: unknown[] }).items.length === 0) problems.push(`${name}: 演示数据上没有返回任何行`);
        problems.push(...schemaMismatches(document, success.schema, response.body).map((p) => `${name} ${p}`));
      }
      expect(problems).toEqual([]);
      expect(answered).toEqual(expect.arrayContaining(['GET /api/v1/projects', 'GET /api/v1/monthly-reports', 'GET /api/v1/indicators', 'PUT /api/v1/fai-totals']));
    } finally {
      await t.stop();
    }
  });

  it('is the document the running API serves', async () => {
    const t = await TestApp.start();
    try {
      const served = await t.request<OpenAPIObject>('GET', '/api/openapi.json');
      expect(served.status).toBe(200);
      expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));

      // and each route's documented success status is the one Nest answers with (201 for a POST unless @HttpCode says otherwise)
      const statusOf = new Map<string, number>();
      for (const module of t.app.get(ModulesContainer).values()) {
        for (const wrapper of module.controllers.values()) {
          const prototype = (wrapper.metatype as { prototype?: Record<string, unknown> } | null)?.prototype ?? {};
          for (const name of Object.getOwnPropertyNames(prototype)) {
            const handler = prototype[name];
            if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
            const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
            statusOf.set(`${wrapper.name}.${name}`, (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200));
          }
        }
      }
      const wrong: string[] = [];
      for (const route of routeTable(t.app)) {
        const path = route.path.replace(/:(\w+)/g, '{$1}');
        const operation = document.paths[path]?.[route.method.toLowerCase() as 'get'];
        const status = statusOf.get(`${route.controller}.${route.handler}`);
        if (!operation) wrong.push(`${route.method} ${path}: 文档中没有`);
        else if (status && !operation.responses[String(status)]) wrong.push(`${route.method} ${path}: 实际 ${status}，文档 ${Object.keys(operation.responses).filter((k) => k.startsWith('2')).join('/')}`);
      }
      expect(wrong).toEqual([]);
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
