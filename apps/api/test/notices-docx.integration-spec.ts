import { type LeaderDto, type NoticeDto, type ProjectIssueDetailDto, type UnitDto } from '@zhaoshang/shared/domain';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/** Where the pages of the generated notices land for a person to look at (issue 14: "look at it"). */
const PREVIEW_DIR = resolve(__dirname, '../../../dist/docs-preview');

function tool(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} 未安装：请先运行 bash tools/scripts/ensure-packages.sh（安装 LibreOffice Writer 与 poppler-utils）`);
  }
}

/** The text of the document's paragraphs, one line each, as Word would show it. */
async function documentText(file: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join(''),
  );
}

/**
 * Issue 14 item 3: every notice downloads as an A4 .docx in the official layout; its text is checked
 * here, and it is converted to PDF (one A4 page) and to pictures with LibreOffice and poppler.
 */
describe('三单一函 .docx', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let leader: { token: string; id: string };
  let signer: LeaderDto;
  let unit: UnitDto;
  let problem: ProjectIssueDetailDto;
  let projectName: string;
  const notices = {} as Record<'REMINDER' | 'URGE' | 'SUPERVISE' | 'TRANSFER' | 'DRAFT', NoticeDto>;
  const day = '2026-12-07';
  const on = { 'x-test-today': day };

  beforeAll(async () => {
    t = await TestApp.start({ testClock: true });
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    leader = await t.userToken('LEADER');
    signer = (await t.request<LeaderDto>('POST', '/api/v1/leaders', { token: admin, body: { name: '常务副市长 王某', level: 'CITY', userId: leader.id } })).body;
    unit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '奈曼旗自然资源局', level: 'DISTRICT', regionCode: '150525' } })).body;
    const project = await createProject(t, admin, { regionCode: '150525', name: '奈曼旗年产10万吨玉米深加工项目' });
    projectName = project.name;
    problem = (
      await t.request<ProjectIssueDetailDto>('POST', '/api/v1/project-issues', {
        token: city,
        headers: on,
        body: { projectId: project.id, category: 'LAND', description: '项目二期用地指标未落实，影响厂房开工', unitId: unit.id, raisedAt: '2026-09-01', dueAt: '2026-10-31' },
      })
    ).body;
    const create = async (body: Record<string, unknown>) => {
      const compose = await t.request<{ facts: string; requirement: string; title: string }>('GET', `/api/v1/notices/compose?kind=${String(body['kind'])}&subjectType=ISSUE&issueId=${problem.id}`, { token: city, headers: on });
      const r = await t.request<NoticeDto>('POST', '/api/v1/notices', {
        token: city,
        headers: on,
        body: { subjectType: 'ISSUE', issueId: problem.id, recipientUnitId: unit.id, facts: compose.body.facts, requirement: compose.body.requirement, ...body },
      });
      if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const sign = async (n: NoticeDto) => (await t.request<NoticeDto>('POST', `/api/v1/notices/${n.id}/sign`, { token: leader.token, headers: on, body: { version: n.version } })).body;
    notices.REMINDER = await create({ kind: 'REMINDER' });
    notices.URGE = await create({ kind: 'URGE', previousNoticeId: notices.REMINDER.id });
    notices.SUPERVISE = await sign(await create({ kind: 'SUPERVISE', previousNoticeId: notices.URGE.id, signerLeaderId: signer.id }));
    notices.TRANSFER = await sign(await create({ kind: 'TRANSFER', previousNoticeId: notices.SUPERVISE.id, signerLeaderId: signer.id }));
    notices.DRAFT = await create({ kind: 'SUPERVISE', signerLeaderId: signer.id });
  });
  afterAll(() => t?.stop());

  const download = async (n: NoticeDto) => {
    const response = await fetch(`${t.baseUrl}/api/v1/notices/${n.id}/docx`, { headers: { authorization: `Bearer ${city}`, ...on } });
    return { response, file: Buffer.from(await response.arrayBuffer()) };
  };

  it.each([
    ['REMINDER', '通招提〔2026〕1号', '提醒单', '2026年12月16日'],
    ['URGE', '通招催〔2026〕1号', '催办单', '2026年12月14日'],
    ['SUPERVISE', '通招督〔2026〕1号', '督办单', '2026年12月10日'],
    ['TRANSFER', '通招移〔2026〕1号', '移交函', '2026年12月21日'],
  ] as const)('prints the %s with its number, title, recipient, facts, deadline, issuer and date', async (kind, number, label, deadline) => {
    const { response, file } = await download(notices[kind]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="notice-${notices[kind].id}.docx"; filename*=UTF-8''${encodeURIComponent(`${number}-${label}.docx`)}`);
    const lines = await documentText(file);
    expect(lines[0]).toBe(`通辽市投资促进局${label}`);
    expect(lines).toContain(`关于${projectName}用地问题的${label}`);
    expect(lines).toContain('奈曼旗自然资源局：');
    expect(lines.some((l) => l.includes('项目二期用地指标未落实，影响厂房开工'))).toBe(true);
    expect(lines).toContain(`办理时限：${deadline}前`);
    expect(lines).toContain('通辽市投资促进局');
    expect(lines).toContain('2026年12月7日');
    if (kind === 'SUPERVISE' || kind === 'TRANSFER') {
      expect(lines).toContain(`${number}\t签发人：常务副市长 王某`);
    } else {
      expect(lines).toContain(number);
      expect(lines.some((l) => l.includes('签发人'))).toBe(false);
    }
  });

  it('prints （草稿） for a draft, and names the file 草稿', async () => {
    const { response, file } = await download(notices.DRAFT);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('草稿-督办单.docx')}`);
    const lines = await documentText(file);
    expect(lines).toContain('（草稿）\t签发人：常务副市长 王某');
    expect(lines.some((l) => l.includes('通招督'))).toBe(false);
    // dated the day it is printed (the test clock's day here)
    expect(lines).toContain('2026年12月7日');
  });

  it('answers 404 for no such notice', async () => {
    const response = await t.request('GET', '/api/v1/notices/00000000-0000-4000-8000-000000000000/docx', { token: city });
    expect(response.status).toBe(404);
  });

  it('converts to one A4 page each (LibreOffice, poppler) and leaves pictures of them in dist/docs-preview', async () => {
    const soffice = tool('soffice');
    const pdftoppm = tool('pdftoppm');
    const pdfinfo = tool('pdfinfo');
    const work = mkdtempSync(join(tmpdir(), 'zs-docx-'));
    // the layout names 宋体/仿宋/楷体/黑体 as bureau PCs have them; here they are the Noto CJK faces
    const fonts = join(work, 'fonts.conf');
    writeFileSync(
      fonts,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[['宋体', 'Noto Serif CJK SC'], ['仿宋', 'Noto Serif CJK SC'], ['楷体', 'Noto Serif CJK SC'], ['黑体', 'Noto Sans CJK SC']]
  .map(([from, to]) => `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="prepend" binding="strong"><string>${to}</string></edit></match>`)
  .join('\n')}</fontconfig>`,
    );
    mkdirSync(PREVIEW_DIR, { recursive: true });
    for (const kind of ['REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER', 'DRAFT'] as const) {
      const docx = join(work, `${kind}.docx`);
      writeFileSync(docx, (await download(notices[kind])).file);
      execFileSync(soffice, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
        env: { ...process.env, FONTCONFIG_FILE: fonts },
        stdio: 'pipe',
        timeout: 120_000,
      });
      const pdf = join(work, `${kind}.pdf`);
      const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
      expect({ kind, pages: /Pages:\s+(\d+)/.exec(info)?.[1] }).toEqual({ kind, pages: '1' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)|Page size:\s+595(\.\d+)? x 842(\.\d+)? pts/);
      const fontsUsed = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fontsUsed).toMatch(/NotoSerifCJK/);
      execFileSync(pdftoppm, ['-r', '60', '-png', pdf, join(work, kind)]);
      copyFileSync(pdf, join(PREVIEW_DIR, `notice-${kind}.pdf`));
    }
    for (const png of readdirSync(work).filter((f) => f.endsWith('.png'))) copyFileSync(join(work, png), join(PREVIEW_DIR, `notice-${png}`));
    expect(readdirSync(PREVIEW_DIR).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(5);
  }, 300_000);
});
