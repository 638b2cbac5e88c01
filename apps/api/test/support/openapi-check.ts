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

/** Why `schema` tells a client nothing about the answer, or null when it is typed. */
function untyped(document: OpenAPIObject, schema: SchemaObject | ReferenceObject | undefined, depth = 0): string | null {
  if (!schema) return '没有 schema';
  const resolved = resolve(document, schema);
  if (!resolved) return `引用的 schema 不存在：${(schema as ReferenceObject).$ref}`;
  if (depth > 8) return null;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = resolved[key];
    if (parts?.length) {
      const bad = parts.map((p: SchemaObject | ReferenceObject) => untyped(document, p, depth + 1)).find((p) => p !== null);
      return bad ?? null;
    }
  }
  if (resolved.type === 'array') return untyped(document, resolved.items, depth + 1);
  if (resolved.type === 'string' || resolved.type === 'number' || resolved.type === 'integer' || resolved.type === 'boolean') return null;
  if (resolved.type === 'object' || resolved.type === undefined) {
    if (resolved.properties && Object.keys(resolved.properties).length > 0) return null;
    if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') return untyped(document, resolved.additionalProperties, depth + 1);
    return 'schema 没有属性（{} 或 object）';
  }
  return null;
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
