// After the web build (the last step of `nx run web:build`): writes `<file>.br` (brotli, quality 11)
// and `<file>.gz` (gzip -9) beside each text file of the build, which the API serves as they are to a
// browser that accepts them (@fastify/static `preCompressed`): the strongest compression, paid once
// per build instead of per request (issue 13). Usage: node tools/scripts/compress-web.mjs [dir]
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** text the browser loads; images, fonts (woff2 is brotli inside) and archives are compressed already */
const TEXT = /\.(?:js|mjs|css|html|json|svg|txt|xml|webmanifest|map)$/;
/** below this the headers cost more than the bytes saved (the API's on-the-fly threshold too) */
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes the variants of one file; a variant that would not be smaller is not written. */
async function compressFile(path) {
  const raw = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
    gzipAsync(raw, { level: 9 }),
  ]);
  const written = { raw: raw.length, br: 0, gz: 0 };
  if (br.length < raw.length) {
    await writeFile(`${path}.br`, br);
    written.br = br.length;
  }
  if (gz.length < raw.length) {
    await writeFile(`${path}.gz`, gz);
    written.gz = gz.length;
  }
  return written;
}

export async function compressWeb(dir) {
  const todo = [];
  for await (const path of files(dir)) {
    if (TEXT.test(path) && (await stat(path)).size >= MIN_BYTES) todo.push(path);
  }
  // zlib's async calls run on libuv's thread pool: several files at once, bounded by it
  const totals = { files: todo.length, raw: 0, br: 0, gz: 0 };
  for (let i = 0; i < todo.length; i += 4) {
    for (const written of await Promise.all(todo.slice(i, i + 4).map(compressFile))) {
      totals.raw += written.raw;
      totals.br += written.br;
      totals.gz += written.gz;
    }
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'dist/apps/web/browser');
  const started = Date.now();
  const totals = await compressWeb(dir);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`预压缩 ${dir}：${totals.files} 个文件 ${kb(totals.raw)} → br ${kb(totals.br)}，gzip ${kb(totals.gz)}（${((Date.now() - started) / 1000).toFixed(1)} s）`);
}
