import type { ImportProgress, ImportResult, ImportRowError } from '@zhaoshang/shared/domain';

/** What one request (a check or the import) has got to. */
export interface TransferProgress {
  /** 0–100 while the file goes up */
  uploadPercent: number;
  /** the server's phase once it has reported one */
  phase: ImportProgress['phase'] | null;
  rowsRead: number;
}

export type CheckOutcome = { ok: true; result: ImportResult } | { ok: false; message: string; errors: ImportRowError[] };

/**
 * The import flow: idle → checking (dry run) → checked (errors or ok) → importing → done, or
 * failed from either request. A new check may start from checked or failed; only a clean check
 * leads on to the import.
 */
export type ImportState =
  | { status: 'idle' }
  | { status: 'checking'; transfer: TransferProgress }
  | { status: 'checked'; outcome: CheckOutcome }
  | { status: 'importing'; transfer: TransferProgress; checked: ImportResult }
  | { status: 'done'; result: ImportResult }
  | { status: 'failed'; stage: 'check' | 'import'; message: string; errors: ImportRowError[] };

export type ImportEvent =
  | { type: 'reset' }
  | { type: 'start'; dryRun: boolean }
  | { type: 'uploaded'; loaded: number; total: number | null }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'succeeded'; result: ImportResult }
  /** 422: rows with errors; nothing was written */
  | { type: 'rejected'; message: string; errors: ImportRowError[] }
  /** anything else: network, 403, 413, 5xx */
  | { type: 'failed'; message: string };

export const IDLE: ImportState = { status: 'idle' };

const FRESH_TRANSFER: TransferProgress = { uploadPercent: 0, phase: null, rowsRead: 0 };

/** The next state; an event that does not fit the current state (a late poll answer) changes nothing. */
export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'reset':
      return IDLE;
    case 'start':
      if (event.dryRun) return state.status === 'checking' || state.status === 'importing' ? state : { status: 'checking', transfer: FRESH_TRANSFER };
      return state.status === 'checked' && state.outcome.ok ? { status: 'importing', transfer: FRESH_TRANSFER, checked: state.outcome.result } : state;
    case 'uploaded':
      return withTransfer(state, (t) => ({ ...t, uploadPercent: uploadPercent(event.loaded, event.total, t.uploadPercent) }));
    case 'progress':
      return withTransfer(state, (t) => ({
        // the server has the file: the upload is complete whatever the last upload event said
        uploadPercent: 100,
        phase: event.progress.phase,
        rowsRead: Math.max(t.rowsRead, event.progress.rowsRead),
      }));
    case 'succeeded':
      if (state.status === 'checking') return { status: 'checked', outcome: { ok: true, result: event.result } };
      if (state.status === 'importing') return { status: 'done', result: event.result };
      return state;
    case 'rejected':
      if (state.status === 'checking') return { status: 'checked', outcome: { ok: false, message: event.message, errors: event.errors } };
      if (state.status === 'importing') return { status: 'failed', stage: 'import', message: event.message, errors: event.errors };
      return state;
    case 'failed':
      if (state.status === 'checking') return { status: 'failed', stage: 'check', message: event.message, errors: [] };
      if (state.status === 'importing') return { status: 'failed', stage: 'import', message: event.message, errors: [] };
      return state;
  }
}

function withTransfer(state: ImportState, change: (transfer: TransferProgress) => TransferProgress): ImportState {
  if (state.status === 'checking') return { ...state, transfer: change(state.transfer) };
  if (state.status === 'importing') return { ...state, transfer: change(state.transfer) };
  return state;
}

function uploadPercent(loaded: number, total: number | null, previous: number): number {
  if (!total) return previous;
  return Math.max(previous, Math.min(100, Math.round((loaded / total) * 100)));
}

/** 0 选择文件, 1 预检, 2 确认导入: the steps bar of the page. */
export function importStep(state: ImportState): 0 | 1 | 2 {
  switch (state.status) {
    case 'idle':
      return 0;
    case 'checking':
    case 'checked':
      return 1;
    case 'failed':
      return state.stage === 'check' ? 1 : 2;
    case 'importing':
    case 'done':
      return 2;
  }
}
