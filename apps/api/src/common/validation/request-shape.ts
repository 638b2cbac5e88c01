import type { ApiErrorDetail } from '@zhaoshang/shared/domain';

/** Deeper than any request of ours (an import's report rows are 3 levels): beyond it is an attack, not data. */
export const MAX_JSON_DEPTH = 32;

/**
 * What no request of ours carries (issue 12): a NUL character in any text (PostgreSQL refuses it in
 * text, which used to surface as a 500 on every route that stores or searches one) and JSON nested
 * deeper than MAX_JSON_DEPTH (class-transformer would recurse through it). Walked without recursion,
 * so a hostile nesting cannot exhaust the stack here either. Field paths like `items[0].name`.
 */
export function requestShapeProblems(parts: Record<string, unknown>): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  // paths as the DTOs' validation names them (`name`, `items[0].reason`, `q`); a part itself by its name
  const stack: { value: unknown; path: string; depth: number; part: string }[] = Object.entries(parts).map(([part, value]) => ({ value, path: '', depth: 0, part }));
  while (stack.length > 0 && problems.length < 10) {
    const { value, path: at, depth, part } = stack.pop() as { value: unknown; path: string; depth: number; part: string };
    const path = at === '' ? part : at;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ field: path, message: `字段 ${path} 含有不可见的控制字符（NUL），请删除后重试` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    // files, buffers and streams are not text (the query object of Fastify has a prototype of its own: walked)
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || typeof (value as { pipe?: unknown }).pipe === 'function') continue;
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({ field: path, message: `请求内容嵌套过深（超过 ${MAX_JSON_DEPTH} 层）` });
      continue;
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
    for (const [key, child] of entries) {
      if (key.includes('\u0000')) problems.push({ field: path, message: `${path} 中的字段名含有不可见的控制字符（NUL）` });
      stack.push({ value: child, path: at === '' ? key.replace(/^\./, '') : `${at}${key}`, depth: depth + 1, part });
    }
  }
  return problems;
}
