import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__ZS_PG__;
  if (!started) return;
  await started.pg.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
