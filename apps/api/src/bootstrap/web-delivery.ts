import fastifyCompress from '@fastify/compress';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { basename } from 'node:path';

/**
 * How the web app's files and the API's answers travel (issue 13: a phone on slow 4G waited 15.6 s
 * for the first chart, the server sending everything uncompressed and hashed files with max-age=0).
 */

/**
 * A file of the web build whose name carries its content's hash (`main-P4CPH765.js`,
 * `chunk-A22U7NN5.js`, `styles-….css`, `media/…-HASH.woff2`): a new content is a new name, so a
 * browser may keep it for a year without asking again. The Angular build's hashes are 8 characters
 * of A–Z and 0–9 (the merged chunks' below); a precompressed variant (`.br`, `.gz`) is judged by the file it stands for.
 */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/**
 * The chunks the build merges after esbuild (NG_BUILD_OPTIMIZE_CHUNKS, apps/web/.env) are named by
 * rolldown: `chunk-` and 8 characters of base64url (`chunk-j_nnOzkA.js`, `chunk--EFxf-8_.js`). Only
 * chunk files: another name with 8 lower-case letters (`app-manifest.json`) is not a hash.
 */
const MERGED_CHUNK = /^chunk-[\w-]{8}\.js$/;
const PRECOMPRESSED = /\.(?:br|gz)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** everything else (index.html above all: it names the hashed files): kept, but revalidated each time */
export const REVALIDATE = 'no-cache';

export function isHashedFile(path: string): boolean {
  const name = basename(path).replace(PRECOMPRESSED, '');
  return HASHED.test(name) || MERGED_CHUNK.test(name);
}

export function cacheControlFor(path: string): string {
  return isHashedFile(path) ? IMMUTABLE : REVALIDATE;
}

/**
 * The built web app, served from `root`: the `.br` / `.gz` written beside each file after the build
 * (tools/scripts/compress-web.mjs) when the browser accepts them, so no CPU is spent per request,
 * and the cache headers above. The unprecompressed rest is compressed on the fly (registerCompression).
 */
export function webStaticOptions(root: string): FastifyStaticOptions {
  return {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // set below per file: @fastify/static's own would be `public, max-age=0` for all
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', cacheControlFor(path));
    },
  };
}

/**
 * Text the API or a page sends: JSON, HTML, JS, CSS, SVG, XML. Not .xlsx/.docx or archives (already
 * compressed: zipping them again costs CPU and saves nothing), not octet-stream (a backup, a file
 * given back as it came). Types refused here are still compressed when mime-db calls them
 * compressible (the plugin asks it next): text/event-stream is one, so a future SSE route must opt
 * out with the route option `compress: false` (there is none today).
 */
export function isCompressibleType(contentType: string): boolean {
  const type = contentType.split(';', 1)[0].trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return type.startsWith('text/') || /[/+]json$/.test(type) || /[/+]xml$/.test(type) || type === 'application/javascript' || type === 'image/svg+xml';
}

/**
 * The web app at `/`, registered as Nest's useStaticAssets would, but with @fastify/static's own
 * option types: Nest's copy of them still describes `setHeaders` for the raw response of older
 * versions, while @fastify/static 10 passes the reply.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  await app.register(fastifyStatic, webStaticOptions(root));
}

/**
 * brotli or gzip for every answer of 1 KB and more whose type is text (JSON lists, indicators, the web
 * app's files that have no precompressed variant). Brotli at quality 4 (the plugin's default): about
 * gzip's CPU for ~15% fewer bytes. Request bodies are not decompressed: no client of ours sends them
 * compressed, and a compressed upload would only be a way round the body limit's intent.
 * Registered before any route (the plugin hooks each route as it is added).
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: isCompressibleType,
    globalDecompression: false,
  });
}
