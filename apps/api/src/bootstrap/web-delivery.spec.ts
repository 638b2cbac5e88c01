import { cacheControlFor, IMMUTABLE, isCompressibleType, isHashedFile, REVALIDATE } from './web-delivery';

describe('web delivery rules', () => {
  it.each([
    ['/srv/web/main-P4CPH765.js', true],
    ['/srv/web/chunk-A22U7NN5.js.br', true],
    ['/srv/web/styles-5INURTSO.css.gz', true],
    ['/srv/web/media/roboto-latin-ABCD1234.woff2', true],
    ['/srv/web/index.html', false],
    ['/srv/web/index.html.br', false],
    ['/srv/web/favicon.ico', false],
    // lower case or 7 characters: not the build's hash, so possibly a file that changes under its name
    ['/srv/web/logo-abcd1234.svg', false],
    ['/srv/web/chunk-A22U7NN.js', false],
    // the merged chunks' names (rolldown, base64url)
    ['/srv/web/chunk-j_nnOzkA.js', true],
    ['/srv/web/chunk--EFxf-8_.js.br', true],
    ['/srv/web/chunk-j_nnOzk.js', false],
    ['/srv/web/app-manifest.json', false],
    ['/srv/web/first-load.js', false],
  ])('%s is hashed: %s', (path, hashed) => {
    expect(isHashedFile(path)).toBe(hashed);
    expect(cacheControlFor(path)).toBe(hashed ? IMMUTABLE : REVALIDATE);
  });

  it.each([
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['text/html; charset=utf-8', true],
    ['application/javascript; charset=utf-8', true],
    ['image/svg+xml', true],
    ['text/event-stream', false],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
    ['application/octet-stream', false],
    ['application/gzip', false],
    ['image/png', false],
  ])('%s is compressed: %s', (type, compressed) => {
    expect(isCompressibleType(type)).toBe(compressed);
  });
});
