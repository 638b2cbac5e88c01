/**
 * What the OpenAPI test demands of every operation of the document: a typed success answer (a schema
 * with properties, an array of such, a scalar, or binary for a file download — never `{}`), and the
 * shared error schema on its error answers. Kept apart from the test so that its own spec can feed it
 * documents that break each rule.
 */
import type { MediaTypeObject, OpenAPIObject, OperationObject, PathItemObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const ERROR_SCHEMA = '#/components/schemas/ApiErrorResponse';
/** media types of file downloads: their schema is `type: string, format: binary` */
const FILE_TYPES = /^(application\/vnd\.openxmlformats|application\/octet-stream|application\/pdf|application\/zip|text\/csv)/;

export interface Problem {
  operation: string;
  problem: string;
}

function resolve(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject | undefined {
  if ('$ref' in schema) return document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] as SchemaObject | undefined;
  return schema;
}

/**
 * Why `schema` tells a client nothing about (part of) the answer, or null when it is typed all the way
 * down: every object reachable from it has properties (or typed additionalProperties), every array typed
 * items. `at` is the path inside the answer, for the message; `seen` stops at recursive schemas.
 */
function untyped(document: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined, at = '', seen = new Set<string>()): string | null {
  const where = at ? `（${at}）` : '';
  if (!schema) return `没有 schema${where}`;
  if ('$ref' in schema) {
    if (seen.has(schema.$ref)) return null;
    seen = new Set(seen).add(schema.$ref);
  }
  const resolved = resolve(document, schema);
  if (!resolved) return `引用的 schema 不存在：${(schema as ReferenceObject).$ref}${where}`;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = resolved[key];
    if (parts?.length) {
      for (const part of parts) {
        const bad = untyped(document, part, at, seen);
        if (bad) return bad;
      }
      if (!resolved.properties) return null;
    }
  }
  if (resolved.type === 'array') return untyped(document, resolved.items, `${at}[]`, seen);
  if (resolved.type === 'string' || resolved.type === 'number' || resolved.type === 'integer' || resolved.type === 'boolean') return null;
  if (resolved.enum) return null;
  const properties = Object.entries(resolved.properties ?? {});
  if (properties.length > 0) {
    for (const [name, property] of properties) {
      const bad = untyped(document, property, at ? `${at}.${name}` : name, seen);
      if (bad) return bad;
    }
    return null;
  }
  if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') return untyped(document, resolved.additionalProperties, `${at}{}`, seen);
  // declared free-form on purpose (an audit entry's before/after: the fields of whichever record changed)
  if (resolved.additionalProperties === true) return null;
  return `schema 没有属性（{} 或 object）${where}`;
}

function successProblems(document: OpenAPIObject, operation: OperationObject): string[] {
  const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
  if (successes.length === 0) return ['没有 2xx 成功应答'];
  const problems: string[] = [];
  for (const [status, raw] of successes) {
    const response = raw as ResponseObject;
    if (status === '204') continue; // no content by definition
    const content = Object.entries(response.content ?? {});
    if (content.length === 0) {
      problems.push(`${status} 应答没有内容类型与 schema`);
      continue;
    }
    for (const [media, { schema }] of content as [string, MediaTypeObject][]) {
      if (FILE_TYPES.test(media)) {
        const resolved = schema && resolve(document, schema);
        if (!(resolved?.type === 'string' && resolved.format === 'binary')) problems.push(`${status} ${media} 应为 binary schema`);
        continue;
      }
      const why = untyped(document, schema);
      if (why) problems.push(`${status} ${media}：${why}`);
    }
  }
  return problems;
}

/**
 * An error answer carries the shared body: ApiErrorResponse itself, or a schema that extends it (every
 * field of it and more, like an import's 422 with its `errors` list).
 */
function sharesErrorShape(document: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined): boolean {
  if (!schema) return false;
  if ('$ref' in schema && schema.$ref === ERROR_SCHEMA) return true;
  const properties = resolve(document, schema)?.properties ?? {};
  return ['statusCode', 'error', 'message'].every((field) => field in properties);
}

function errorProblems(document: OpenAPIObject, operation: OperationObject, exempt: readonly string[]): string[] {
  const errors = Object.entries(operation.responses).filter(([status]) => status === 'default' || /^[45]\d\d$/.test(status));
  if (errors.length === 0) return ['没有错误应答'];
  const problems: string[] = [];
  for (const [status, raw] of errors) {
    if (exempt.includes(status)) continue;
    const schema = (raw as ResponseObject).content?.['application/json']?.schema;
    if (!sharesErrorShape(document, schema)) problems.push(`${status} 错误应答未使用 ApiErrorResponse`);
  }
  if (!operation.responses['default']) problems.push('没有 default 错误应答（503/500）');
  return problems;
}

/**
 * Every operation of `document` that breaks a rule, with what is wrong, e.g. `GET /api/v1/months: 200 …`.
 * `exempt` lists error answers that are deliberately not the error body, as `GET /api/health 503`.
 */
export function openApiProblems(document: OpenAPIObject, exempt: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const [path, item] of Object.entries(document.paths) as [string, PathItemObject][]) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${path}`;
      const exemptHere = exempt.filter((e) => e.startsWith(`${name} `)).map((e) => e.slice(name.length + 1));
      for (const problem of [...successProblems(document, operation), ...errorProblems(document, operation, exemptHere)]) problems.push({ operation: name, problem });
    }
  }
  return problems;
}

/**
 * Where `value` (an answer, or an example) does not match `schema` as OpenAPI 3.0 reads it: a wrong
 * type, a missing required field, a value outside an enum, or a field the schema does not document
 * (an answer carrying undocumented fields means the document is incomplete). Paths like `items[0].stage`.
 */
export function schemaMismatches(document: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined, value: unknown, at = '$'): string[] {
  if (!schema) return [];
  const resolved = resolve(document, schema);
  if (!resolved) return [`${at}: schema 不存在`];
  if (value === null) return resolved.nullable || resolved.enum?.includes(null) ? [] : [`${at}: 不应为 null`];
  if (resolved.allOf) {
    const problems = resolved.allOf.flatMap((part) => schemaMismatches(document, part, value, at));
    if (problems.length > 0 || !resolved.properties) return problems;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const parts = resolved[key];
    if (!parts) continue;
    const tried = parts.map((part) => schemaMismatches(document, part, value, at));
    if (tried.some((problems) => problems.length === 0)) return [];
    return [`${at}: 不符合 ${key} 中任何一种（${tried.map((p) => p[0]).join('；')}）`];
  }
  if (resolved.enum && !resolved.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} 不在 ${JSON.stringify(resolved.enum)} 中`];
  switch (resolved.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: 应为字符串`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: 应为数字`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: 应为布尔值`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => schemaMismatches(document, resolved.items, item, `${at}[${i}]`)) : [`${at}: 应为数组`];
  }
  if (resolved.type === 'object' || resolved.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: 应为对象`];
    const record = value as Record<string, unknown>;
    const properties = resolved.properties ?? {};
    const problems = (resolved.required ?? []).filter((name) => !(name in record)).map((name) => `${at}.${name}: 缺少必填字段`);
    for (const [name, field] of Object.entries(record)) {
      const property = properties[name];
      if (property) problems.push(...schemaMismatches(document, property, field, `${at}.${name}`));
      else if (typeof resolved.additionalProperties === 'object') problems.push(...schemaMismatches(document, resolved.additionalProperties, field, `${at}.${name}`));
      else if (resolved.additionalProperties !== true) problems.push(`${at}.${name}: 文档中没有此字段`);
    }
    return problems;
  }
  return [];
}
