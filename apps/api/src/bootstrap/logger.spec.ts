import type { AppConfig } from '../config/config.js';
import { createLogger } from './create-app.js';

/** What Nest's logger writes, line by line, while `run` logs. */
function written(run: () => void): string[] {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }),
  );
  try {
    run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('').trim().split('\n');
}

const config = (production: boolean) => ({ production, logLevel: 'info' }) as AppConfig;

describe('createLogger (issue 12: JSON logs with request ids)', () => {
  it('writes one JSON object a line, the request id a field of its own, on a server', () => {
    for (const [production, tty] of [
      [true, true],
      [false, false],
    ]) {
      const [line] = written(() => createLogger(config(production), tty).error('GET /x [r-1]', { reqId: 'r-1', stack: 'Error: boom' }, 'Error'));
      expect(JSON.parse(line)).toMatchObject({ level: 'error', message: 'GET /x [r-1]', context: 'Error', reqId: 'r-1', stack: 'Error: boom' });
    }
  });

  it('writes readable text on a terminal outside production', () => {
    const [line] = written(() => createLogger(config(false), true).log('已启动', 'Main'));
    expect(() => JSON.parse(line)).toThrow();
    expect(line).toContain('已启动');
  });

  it('keeps the configured level', () => {
    expect(written(() => createLogger({ production: true, logLevel: 'warn' } as AppConfig, false).log('quiet'))).toEqual(['']);
  });
});
