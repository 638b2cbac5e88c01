import { MAX_JSON_DEPTH, requestShapeProblems } from './request-shape.js';

describe('requestShapeProblems', () => {
  it('names every text holding a NUL, in the body, the query and the path', () => {
    expect(requestShapeProblems({ body: { name: 'a\u0000b', items: [{ reason: 'ok' }, { reason: '\u0000' }] }, query: { q: 'x\u0000' }, params: { id: 'fine' } }).map((p) => p.field).sort()).toEqual([
      'items[1].reason',
      'name',
      'q',
    ]);
    expect(requestShapeProblems({ body: { name: '正常的项目名称', n: 3, flags: [true, null] }, query: {}, params: {} })).toEqual([]);
  });

  it('refuses nesting deeper than the limit, without recursing (10,000 levels)', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(requestShapeProblems({ body: deep })).toEqual([{ field: `${'[0]'.repeat(MAX_JSON_DEPTH)}`, message: `请求内容嵌套过深（超过 ${MAX_JSON_DEPTH} 层）` }]);
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i += 1) ok = { a: ok };
    expect(requestShapeProblems({ body: ok })).toEqual([]);
  });

  it('leaves files and buffers alone, and walks objects of any prototype (Fastify’s query object has its own)', () => {
    expect(requestShapeProblems({ body: { file: Buffer.from('a\u0000b') } })).toEqual([]);
    const query = Object.assign(Object.create({ inherited: true }) as Record<string, unknown>, { q: 'a\u0000b' });
    expect(requestShapeProblems({ query }).map((p) => p.field)).toEqual(['q']);
  });
});
