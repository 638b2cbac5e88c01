import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The path of a tool the .docx pictures need, or a message saying how to install it. */
export function tool(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} 未安装：请先运行 bash tools/scripts/ensure-packages.sh（安装 LibreOffice Writer 与 poppler-utils）`);
  }
}

/** The text of the document's paragraphs, one line each, as Word would show it (table cells are paragraphs too). */
export async function documentText(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join(''),
  );
}

/** The text of each table row: its cells joined by " | ". */
export async function tableRows(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) =>
    [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join(' | '),
  );
}

/**
 * Converts a .docx to PDF with LibreOffice (宋体/仿宋/楷体/黑体 mapped to the Noto CJK faces installed
 * here) and returns the work directory and the PDF's path.
 */
export function docxToPdf(file: Buffer, name: string): { work: string; pdf: string } {
  const soffice = tool('soffice');
  const work = mkdtempSync(join(tmpdir(), 'zs-docx-'));
  const fonts = join(work, 'fonts.conf');
  writeFileSync(
    fonts,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[['宋体', 'Noto Serif CJK SC'], ['仿宋', 'Noto Serif CJK SC'], ['楷体', 'Noto Serif CJK SC'], ['黑体', 'Noto Sans CJK SC']]
  .map(([from, to]) => `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="prepend" binding="strong"><string>${to}</string></edit></match>`)
  .join('\n')}</fontconfig>`,
  );
  mkdirSync(work, { recursive: true });
  const docx = join(work, `${name}.docx`);
  writeFileSync(docx, file);
  execFileSync(soffice, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
    env: { ...process.env, FONTCONFIG_FILE: fonts },
    stdio: 'pipe',
    timeout: 120_000,
  });
  return { work, pdf: join(work, `${name}.pdf`) };
}
