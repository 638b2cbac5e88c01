export type BackupErrorCode = 'TOOL_MISSING' | 'TOOL_FAILED' | 'VERSION_MISMATCH' | 'API_RUNNING' | 'NO_DATABASE' | 'BAD_FILE';

/** A backup or restore that cannot go on: the message is one Chinese line an operator can act on. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
