// The table of issue 17, from the JSON files the benchmarks wrote in dist/bench: what | target |
// measured | met or missed | agreement with the reference. The last step of `npm run bench`; reads
// only (runs in a moment, starts nothing). A missing file or key prints "未测" — a benchmark that was
// not run, or an older one that did not write the key yet — and never stops the table.
// Writes the rows to dist/bench/summary.json as well.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = resolve(root, process.env.BENCH_SUMMARY_DIR ?? 'dist/bench');
const out = join(dir, 'summary.json');
const shown = (path) => (path.startsWith(root + '/') ? relative(root, path) : path);

const UNMEASURED = '未测';

/** The issue's targets, used when a file does not carry its own. */
export const TARGETS = {
  indicatorsMs: 100,
  dashboardSetMs: 300,
  warningsMs: 300,
  monthlyImportSeconds: 10,
  monthlyImportRssMb: 400,
  projectsImportSeconds: 5,
  firstChartMs: 800,
};

/** A file of dist/bench as an object, or null (absent or not JSON: both are "not measured"). */
export function readJson(directory, name) {
  const file = join(directory, name);
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value) => (typeof value === 'boolean' ? value : null);
const first = (...values) => values.find((v) => v !== null && v !== undefined) ?? null;

/**
 * The import cases of imports.json, however they are laid out: `cases` as an object (key = case) or
 * an array, or issue 10's `results` array. Each comes back with a text to recognise it by.
 */
function importCases(imports) {
  if (!imports) return [];
  const found = [];
  for (const listName of ['cases', 'results']) {
    const list = imports[listName];
    if (Array.isArray(list)) list.forEach((c, i) => c && typeof c === 'object' && found.push({ key: String(i), c }));
    else if (list && typeof list === 'object') for (const [key, c] of Object.entries(list)) if (c && typeof c === 'object') found.push({ key, c });
  }
  return found.map(({ key, c }) => ({ label: [key, c.kind, c.type, c.case, c.name, c.what, c.file].filter((x) => typeof x === 'string').join(' ').toLowerCase(), rows: num(c.rows), c }));
}

/** The 100k-row monthly case: named so (monthly / 月报), or issue 10's unnamed xlsx case of 100,000 rows. */
function monthlyCase(cases) {
  return (
    cases.find((x) => /month|月报/.test(x.label) && (x.rows === null || x.rows >= 100_000)) ??
    cases.find((x) => !/project|项目/.test(x.label) && x.rows !== null && x.rows >= 100_000) ??
    null
  );
}

function projectsCase(cases) {
  return cases.find((x) => /project|项目/.test(x.label)) ?? null;
}

const ms = (value) => (value === null ? UNMEASURED : `${Math.round(value).toLocaleString('en')} ms`);
const sec = (value) => (value === null ? UNMEASURED : `${value} s`);

/** met / missed from the file's own verdict, else from the figure and the target; null when not measured. */
function verdict(own, value, target, atMost = true) {
  if (value === null) return null;
  if (own !== null) return own;
  return atMost ? value <= target : value >= target;
}

const agreement = (...flags) => {
  const known = flags.filter((f) => f !== null);
  if (known.length === 0) return null;
  return known.every(Boolean);
};

/** The rows of the table from what the benchmarks wrote in `directory`. Exported for its spec. */
export function summarize(directory) {
  const indicators = readJson(directory, 'indicators.json');
  const warnings = readJson(directory, 'warnings.json');
  const imports = readJson(directory, 'imports.json');
  const firstLoad = readJson(directory, 'first-load.json');
  const scale = readJson(directory, 'scale.json');
  const rows = [];

  {
    const p50 = num(first(indicators?.p50Ms, indicators?.api?.p50));
    const target = num(indicators?.targetMs) ?? TARGETS.indicatorsMs;
    rows.push({
      what: 'GET /indicators，一年，按地区，全市',
      target: `p50 ≤ ${target} ms`,
      measured: p50,
      shown: ms(p50),
      met: verdict(bool(indicators?.met), p50, target),
      reference: agreement(bool(indicators?.agreesWithReference), bool(indicators?.agreesWithRawEngine)),
    });
  }
  {
    const p50 = num(indicators?.dashboardSetP50Ms);
    rows.push({
      what: '驾驶舱一年的全部请求',
      target: `p50 合计 ≤ ${TARGETS.dashboardSetMs} ms`,
      measured: p50,
      shown: ms(p50),
      met: verdict(null, p50, TARGETS.dashboardSetMs),
      reference: p50 === null ? null : agreement(bool(indicators?.agreesWithReference)),
    });
  }
  {
    const p50 = num(warnings?.p50Ms);
    const target = num(warnings?.targetMs) ?? TARGETS.warningsMs;
    rows.push({
      what: 'GET /warnings 今天，全部列表首页含计数',
      target: `p50 ≤ ${target} ms`,
      measured: p50,
      shown: ms(p50),
      met: verdict(bool(warnings?.met), p50, target),
      reference: agreement(bool(warnings?.agreesWithReference)),
    });
  }
  const cases = importCases(imports);
  {
    const found = monthlyCase(cases)?.c ?? null;
    const seconds = num(first(found?.seconds, found?.importSeconds));
    const target = num(found?.targetSeconds) ?? TARGETS.monthlyImportSeconds;
    const rss = num(found?.peakRssMb);
    const rssTarget = num(first(found?.targetRssMb, imports?.target?.rssMb)) ?? TARGETS.monthlyImportRssMb;
    const own = bool(first(found?.met, found?.targetMet));
    rows.push({
      what: '10 万行月报 .xlsx 导入',
      target: `≤ ${target} s，峰值内存 ≤ ${rssTarget} MB`,
      measured: seconds,
      shown: seconds === null ? UNMEASURED : `${sec(seconds)}，${rss === null ? '内存未测' : `${rss} MB`}`,
      met: seconds === null ? null : own ?? (seconds <= target && (rss === null || rss <= rssTarget)),
      reference: agreement(bool(found?.agreesWithReference)),
    });
  }
  {
    const found = projectsCase(cases)?.c ?? null;
    const seconds = num(first(found?.seconds, found?.importSeconds));
    const target = num(found?.targetSeconds) ?? TARGETS.projectsImportSeconds;
    rows.push({
      what: '1 万行项目 .xlsx/.csv 导入（含全部校验、疑似重复与审计）',
      target: `≤ ${target} s`,
      measured: seconds,
      shown: sec(seconds),
      met: verdict(bool(first(found?.met, found?.targetMet)), seconds, target),
      reference: agreement(bool(found?.agreesWithReference)),
    });
  }
  {
    // first-load.mjs times the desktop's second visit without any throttling: the issue's row
    const value = num(first(firstLoad?.results?.desktopWarmMs, firstLoad?.desktopWarmMs));
    rows.push({
      what: '驾驶舱首个图表，无头 Chromium，缓存已热（演示数据量）',
      target: `≤ ${TARGETS.firstChartMs} ms`,
      measured: value,
      shown: ms(value),
      met: verdict(null, value, TARGETS.firstChartMs),
      reference: null,
      // a page's speed: there is no figure to compare with a reference
      noReference: true,
    });
  }
  {
    // correctness: every figure that was compared agreed (the property tests run in npm test, not here)
    const flags = rows.map((r) => r.reference).filter((r) => r !== null);
    const all = flags.length === 0 ? null : flags.every(Boolean);
    rows.push({
      what: '正确性：各项数字与朴素参照（及未加速的引擎）一致',
      target: '全部一致',
      measured: all === null ? null : flags.length,
      shown: all === null ? UNMEASURED : `${flags.filter(Boolean).length}/${flags.length} 项一致`,
      met: all,
      reference: all,
    });
  }
  return { rows, scale };
}

const yesNo = (value, yes, no) => (value === null ? UNMEASURED : value ? yes : no);

function main() {
  const { rows, scale } = summarize(dir);
  console.log(`\n▸ 问题 17 的目标（${shown(dir)} 中各基准写下的结果）`);
  printTable(
    ['项目', '目标（10 万项目 / 300 万月报）', '实测', '是否达标', '与参照一致'],
    rows.map((r) => [r.what, r.target, r.shown, yesNo(r.met, '达标', '未达标'), r.noReference ? '—' : yesNo(r.reference, '一致', '不一致')]),
  );
  const missed = rows.filter((r) => r.met === false).length;
  const unmeasured = rows.filter((r) => r.met === null).length;
  console.log(`共 ${rows.length} 项：达标 ${rows.length - missed - unmeasured}，未达标 ${missed}，未测 ${unmeasured}。`);
  if (scale) console.log(`扩展性实验的数字（docs/scale.md）：${shown(join(dir, 'scale.json'))}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: 'summary',
        at: new Date().toISOString(),
        machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
        rows: rows.map(({ shown, ...row }) => ({ ...row, shown })),
        ...(scale ? { scale } : {}),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`结果已写入 ${shown(out)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
