import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Disposition of a download (RFC 6266 / RFC 5987): the real, Chinese name for browsers,
 * and a plain ASCII one for the rest, by default the name without its non-ASCII characters.
 */
export function attachmentHeader(fileName: string, asciiName?: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'export.xlsx';
  const fallback = asciiName ?? (ascii.startsWith('-') ? `projects${ascii}` : ascii);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a workbook (a buffer, or a stream still being written) as a download named `fileName`. */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer | Readable, asciiName?: string): void {
  void reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachmentHeader(fileName, asciiName)).send(body);
}

/**
 * A spreadsheet application runs a cell that begins with = + - @ (or a tab or carriage return) as
 * a formula: a project named "=HYPERLINK(…)" must stay text. A leading apostrophe keeps it text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
