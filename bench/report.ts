/**
 * Rendering of a results file: a plain table for the terminal, and BENCHMARKS.md. Every number
 * printed comes from the results object; the only constants in the text are the targets.
 */
import type { Results } from './lib/results.ts';
import type { Check, Series } from './lib/stats.ts';

const s = (ms: number) => (ms / 1000).toFixed(2);
const span = (x: Series, f: (n: number) => string) => `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
const secs = (x: Series) => `${span(x, s)} s`;
const mib = (x: Series) => `${span(x, (n) => n.toFixed(1))} MiB`;
const bytesMiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function measured(c: Check): string {
  if (!Number.isFinite(c.measured)) return 'not measured';
  if (c.unit === 'x') return `${c.measured.toFixed(3)}x`;
  if (c.unit === '%') return `${c.measured.toFixed(2)} %`;
  if (c.unit === 'MiB' || c.unit === 's') return `${c.measured.toFixed(1)} ${c.unit}`;
  return `${c.measured} ${c.unit}`;
}

function limit(c: Check): string {
  const v = c.unit === 'x' ? `${c.limit}x` : `${c.limit} ${c.unit}`;
  return `${c.op === '<=' ? '≤' : '≥'} ${v}`;
}

const verdict = (c: Check) => (c.pass ? 'PASS' : 'FAIL');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Wall-time comparisons: baseline and ours, medians with min–max, and their ratio. */
function comparisons(r: Results): string[][] {
  const rows: string[][] = [];
  if (r.pack) {
    const p = r.pack;
    rows.push([
      'pack vs tar -czf + sha256sum',
      secs(p.guide.wallMs),
      secs(p.ours.wallMs),
      `${p.ratio.toFixed(3)}x`,
    ]);
    rows.push([
      `pack vs ${p.ceiling.threads}-thread zlib ceiling (throughput)`,
      `${p.throughputMBs.ceiling.toFixed(1)} MB/s (${secs(p.ceiling.wallMs)})`,
      `${p.throughputMBs.ours.toFixed(1)} MB/s`,
      `${(p.throughputMBs.ours / p.throughputMBs.ceiling).toFixed(3)}x`,
    ]);
  }
  if (r.publish) {
    const p = r.publish;
    rows.push([
      `publish ${p.assets} assets vs sequential clobber`,
      secs(p.baseline.wallMs),
      secs(p.ours.wallMs),
      `${p.ratio.toFixed(3)}x`,
    ]);
  }
  if (r.sign) {
    const g = r.sign;
    rows.push([
      `sign ${g.tarballs} tarballs vs one call per tarball`,
      secs(g.sequential.wallMs),
      secs(g.ours.wallMs),
      `${g.ratio.toFixed(3)}x`,
    ]);
  }
  return rows;
}

function checkRows(r: Results): string[][] {
  return r.checks.map((c) => [c.id, c.what, measured(c), limit(c), verdict(c)]);
}

export function renderConsole(r: Results): string {
  const out = [
    '',
    `Machine: ${r.machine.cores} cores, ${r.machine.cpuModel}, ${bytesMiB(r.machine.memoryBytes)}, Node ${r.machine.node}, ${r.machine.os}`,
    `Load average before ${r.load.before.map((x) => x.toFixed(2)).join(' ')}, after ${r.load.after.map((x) => x.toFixed(2)).join(' ')}; ${r.runs} interleaved runs; ${r.durationS.toFixed(0)} s in all`,
    '',
    table(['comparison (median, min–max)', 'baseline', 'ours', 'ratio'], comparisons(r)),
    '',
    table(['check', 'what', 'measured', 'target', 'result'], checkRows(r)),
    '',
    `${r.checks.filter((c) => c.pass).length}/${r.checks.length} targets met`,
  ];
  return out.join('\n');
}

function packSection(r: Results): string[] {
  const p = r.pack;
  if (!p) return [];
  return [
    '## Pack',
    '',
    `Payload: ${bytesMiB(p.payload.bytes)} in ${p.payload.files} files (plus the manifest), cut from ${p.payload.elfSources} ELF files under /usr/bin and /usr/lib. Second size for peak RSS: ${bytesMiB(p.payload.smallBytes)}.`,
    '',
    table(
      [
        'measurement',
        'wall (median, min–max)',
        'CPU user+sys (median)',
        'peak RSS (median, min–max)',
      ],
      [
        [
          'guide: `' + p.guide.command + '`',
          secs(p.guide.wallMs),
          p.guide.cpuS ? `${p.guide.cpuS.median.toFixed(2)} s` : 'n/a',
          'n/a',
        ],
        [
          'ours: `' + p.ours.command + '`',
          secs(p.ours.wallMs),
          p.ours.cpuS ? `${p.ours.cpuS.median.toFixed(2)} s` : 'n/a',
          mib(p.ours.maxRssMiB),
        ],
        [
          `ours, ${bytesMiB(p.payload.smallBytes)} payload`,
          secs(p.oursSmall.wallMs),
          'n/a',
          mib(p.oursSmall.maxRssMiB),
        ],
        [
          `zlib ceiling: ${p.ceiling.threads} worker threads, deflate in memory`,
          secs(p.ceiling.wallMs),
          'n/a',
          'n/a',
        ],
      ],
    ),
    '',
    table(
      ['compressed size', 'bytes'],
      [
        ['ours (`.tar.gz` written by pack)', String(p.sizes.ours)],
        ['`gzip -6 -n` of our tar stream', String(p.sizes.gzip6SameTar)],
        ['guide (`tar -czf`, its own tar stream)', String(p.sizes.guideTarCzf)],
        [
          'zlib ceiling (raw deflate of the payload, per-thread shares)',
          String(p.sizes.ceilingDeflate),
        ],
      ],
    ),
    '',
  ];
}

function publishSection(r: Results): string[] {
  const p = r.publish;
  if (!p) return [];
  const routes = (b: Record<string, number>) =>
    Object.entries(b)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    '## Publish',
    '',
    `${p.targets} targets, ${p.assets} assets, emulator latency ${p.latencyMs} ms per request.`,
    '',
    table(
      ['measurement', 'wall (median, min–max)', 'requests', 'peak RSS'],
      [
        [
          `baseline: ${p.baseline.what}`,
          secs(p.baseline.wallMs),
          String(p.baseline.requests),
          'n/a',
        ],
        [
          'ours: `' + p.ours.command + '`, first publish',
          secs(p.ours.wallMs),
          `${p.first.requests} (${routes(p.first.byRoute)})`,
          mib(p.ours.maxRssMiB),
        ],
        [
          'ours: identical rerun',
          secs(p.rerun.wallMs),
          `${p.rerun.requests}, ${p.rerun.uploads} uploads (${routes(p.rerun.byRoute)})`,
          'n/a',
        ],
        [
          `ours: one ${bytesMiB(p.big.bytes)} asset`,
          `${s(p.big.wallMs)} s`,
          p.big.stored ? 'stored' : 'NOT stored',
          `${p.big.maxRssMiB.toFixed(1)} MiB`,
        ],
      ],
    ),
    '',
  ];
}

function signSection(r: Results): string[] {
  const g = r.sign;
  if (!g) return [];
  return [
    '## Sign',
    '',
    `${g.tarballs} tarballs, stand-in latency ${g.latencyMs} ms per request, concurrency ${g.concurrency}.`,
    '',
    table(
      ['measurement', 'wall (median, min–max)', 'certificates', 'log entries'],
      [
        [
          'one `signTarballs` call per tarball, sequential',
          secs(g.sequential.wallMs),
          String(g.sequential.certificates),
          String(g.sequential.logEntries),
        ],
        [
          'one `signTarballs` call for all',
          secs(g.ours.wallMs),
          String(g.ours.certificates),
          String(g.ours.logEntries),
        ],
      ],
    ),
    '',
  ];
}

export function renderMarkdown(r: Results): string {
  const m = r.machine;
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `node bench/run.ts --write-md` from bench/results.json. Do not edit by hand. -->',
    '',
    `Measured ${r.startedAt} on ${m.cores} cores (${m.cpuModel}), ${bytesMiB(m.memoryBytes)} memory, Node ${m.node} (zlib ${m.zlib}), ${m.os}, kernel ${m.kernel}; ${m.gzip}; ${m.tar}.`,
    `Source: commit ${r.source.commit}${r.source.dirtyFiles ? ` with ${r.source.dirtyFiles} uncommitted file(s)` : ''}; CLI ${r.source.cli} (sha256 ${r.source.cliSha256}).`,
    `Load average (1/5/15 min) before: ${r.load.before.map((x) => x.toFixed(2)).join(' / ')}, after: ${r.load.after.map((x) => x.toFixed(2)).join(' / ')}. ${r.runs} interleaved runs per comparison; the suite took ${r.durationS.toFixed(0)} s. Peak RSS is the operating system's (${r.probe === 'time' ? '`/usr/bin/time -v`' : '`process.resourceUsage().maxRSS` in the measured process'}).`,
    '',
    'Reproduce: `npm run build && npm run bench` (writes bench/results.json), then `node bench/run.ts --write-md`.',
    '',
    '## Targets',
    '',
    'Timing targets are ratios of medians of two series measured interleaved in the same run, never absolute times.',
    '',
    table(['check', 'what', 'measured', 'target', 'result'], checkRows(r)),
    '',
    `${r.checks.filter((c) => c.pass).length} of ${r.checks.length} targets met.`,
    '',
    '## Comparisons',
    '',
    table(
      ['comparison', 'baseline (median, min–max)', 'ours (median, min–max)', 'ratio'],
      comparisons(r),
    ),
    '',
    ...packSection(r),
    ...publishSection(r),
    ...signSection(r),
  ].join('\n');
}
