/** The per-benchmark sections of BENCHMARKS.md, the machine, and notes on missed targets. */
import { bytesMiB, cpuCell, mib, pct, s, secs, span, table } from './lib/format.ts';
import type { Series } from './lib/stats.ts';
import type { Results } from './lib/results.ts';

export function packSection(r: Results): string[] {
  const p = r.pack;
  if (!p) return [];
  return [
    '## Pack',
    '',
    `Payload: ${bytesMiB(p.payload.bytes)} in ${p.payload.files} files (plus the manifest), cut from ${p.payload.elfSources} ELF files under /usr/bin and /usr/lib. Second size for peak RSS: ${bytesMiB(p.payload.smallBytes)}.`,
    '',
    "Pack deflates with libdeflate compiled to WebAssembly (README, Performance). The zlib ceiling is node:zlib, the target's reference, so pack can exceed it; our deflater's own ceiling (same pool, same pieces, in memory, nothing else) shows what reading, tar, CRC, SHA-256 and writing cost on top. pack.size is signed: a negative value is an archive smaller than `gzip -6`'s.",
    '',
    table(
      [
        'measurement',
        'wall (median, min–max)',
        'CPU user+sys (median) and cores it kept busy',
        'peak RSS (median, min–max)',
      ],
      [
        [
          'guide: `' + p.guide.command + '`',
          secs(p.guide.wallMs),
          cpuCell(p.guide.cpuS, p.guide.wallMs),
          'n/a',
        ],
        [
          'ours: `' + p.ours.command + '`',
          secs(p.ours.wallMs),
          cpuCell(p.ours.cpuS, p.ours.wallMs),
          mib(p.ours.maxRssMiB),
        ],
        [
          `ours, ${bytesMiB(p.payload.smallBytes)} payload`,
          secs(p.oursSmall.wallMs),
          'n/a',
          mib(p.oursSmall.maxRssMiB),
        ],
        [
          `zlib ceiling: ${p.ceiling.threads} worker threads, node:zlib deflate in memory`,
          secs(p.ceiling.wallMs),
          'n/a',
          'n/a',
        ],
        [
          `our deflater's ceiling: ${p.deflaterCeiling.threads} worker threads, in memory`,
          secs(p.deflaterCeiling.wallMs),
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
        [
          'node:zlib, same level, our tar stream as one stream (no blocks)',
          String(p.sizes.nodeZlibSameTar),
        ],
        ['guide (`tar -czf`, its own tar stream)', String(p.sizes.guideTarCzf)],
        [
          'zlib ceiling (raw deflate of the payload in independent 1 MiB pieces)',
          String(p.sizes.ceilingDeflate),
        ],
        [
          "our deflater's ceiling (the payload in 1 MiB pieces, each primed with 32 KiB)",
          String(p.sizes.deflaterCeiling),
        ],
      ],
    ),
    '',
  ];
}

/** What the numbers were measured on, as read from the machine at run time. */
export function machineSection(r: Results): string[] {
  const m = r.machine;
  return [
    '## Machine',
    '',
    table(
      ['machine', 'value'],
      [
        ['cores (available to Node)', String(m.cores)],
        ['CPU', m.cpuModel],
        ['memory', bytesMiB(m.memoryBytes)],
        ['Node', `${m.node} (zlib ${m.zlib})`],
        ['operating system', `${m.os}, kernel ${m.kernel}`],
        ['gzip', m.gzip],
        ['tar', m.tar],
      ],
    ),
    '',
  ];
}

function publishTable(r: Results): string {
  const p = r.publish!;
  const rows: string[][] = [];
  for (const x of [p.unsigned, p.signed]) {
    rows.push(
      [
        `${x.name}: gh release create's algorithm`,
        secs(x.baseline.wallMs),
        String(x.baseline.requests),
        'n/a',
      ],
      [
        `${x.name}: ours, first publish`,
        secs(x.ours.wallMs),
        String(x.first.requests),
        mib(x.ours.maxRssMiB),
      ],
      [
        `${x.name}: ours, identical rerun`,
        secs(x.rerun.wallMs),
        `${x.rerun.requests}, ${x.rerun.uploadsMax} uploads`,
        'n/a',
      ],
    );
  }
  rows.push([
    `ours: one ${bytesMiB(p.big.bytes)} asset (verify off)`,
    `${s(p.big.wallMs)} s`,
    p.big.stored ? 'stored' : 'NOT stored',
    `${p.big.maxRssMiB.toFixed(1)} MiB`,
  ]);
  if (p.bigAction)
    rows.push([
      `ours: the same through the action entry (\`node dist/index.js\`)`,
      `${s(p.bigAction.wallMs)} s`,
      p.bigAction.stored ? 'stored' : 'NOT stored',
      `${p.bigAction.maxRssMiB.toFixed(1)} MiB`,
    ]);
  return table(['measurement', 'wall (median, min–max)', 'requests (worst run)', 'peak RSS'], rows);
}

/** Requests per route of the worst run of each: what the critical path is made of. */
function routeTable(r: Results): string {
  const p = r.publish!;
  const columns: [string, Record<string, number>][] = [];
  for (const x of [p.unsigned, p.signed])
    columns.push(
      [`gh, ${x.name}`, x.baseline.byRoute],
      [`ours, ${x.name}`, x.first.byRoute],
      [`ours rerun, ${x.name}`, x.rerun.byRoute],
    );
  const routes = [...new Set(columns.flatMap(([, b]) => Object.keys(b)))].sort();
  const total = (b: Record<string, number>) => Object.values(b).reduce((a, n) => a + n, 0);
  return table(
    ['route', ...columns.map(([h]) => h)],
    [
      ...routes.map((route) => [route, ...columns.map(([, b]) => String(b[route] ?? 0))]),
      ['all', ...columns.map(([, b]) => String(total(b)))],
    ],
  );
}

export function publishSection(r: Results): string[] {
  const p = r.publish;
  if (!p) return [];
  const u = p.unsigned;
  const g = p.signed;
  const ms = (x: Series) => `${span(x, (n) => n.toFixed(0))} ms`;
  return [
    '## Publish',
    '',
    `Issue #13: publish faster than \`gh release create\`, process start included. ${p.targets} targets; per target a real nexo tarball written by \`pack\` (${bytesMiB(p.tarballBytes)}: its binary is random bytes) and its \`.sha256\`, plus the manifest: ${u.assets} assets, ${bytesMiB(u.bytes)} (unsigned). Signed: the same tarballs signed once beforehand (not timed) by \`sign\` against the local Sigstore stand-in, with all five signature files: ${g.assets} assets, ${bytesMiB(g.bytes)}. The GitHub emulator adds ${p.latencyMs} ms to every request. ${r.runs} interleaved runs, each on fresh repositories; every run must end with the release published holding exactly these assets.`,
    '',
    `Baseline: gh's own algorithm for \`gh release create <tag> <files>\`: POST the release as a draft, upload every file to its upload_url with a pool of ${p.baseline.workers} concurrent workers, PATCH \`draft: false\`. It runs inside the benchmark process with plain fetch, so it pays no process start (a gh binary pays its Go start, about 10 ms) and checks nothing. Ours is the real CLI as a child process (\`${u.ours.command}\`; signed: \`${g.ours.command}\`): its time includes Node's start, hashing the files, the preflight, the upload, the draft verification before the release goes live (every tarball and sidecar; signed: every Sigstore bundle against the trusted root and the signer's identity), publishing, the post-publish check and the verify step.`,
    '',
    publishTable(r),
    '',
    '### Start-up',
    '',
    'From just before the process is spawned (under the same probe for both) to the arrival of its first request at the emulator.',
    '',
    table(
      ['process', 'spawn to first request (median, min–max)'],
      [
        [`ours, unsigned first publish`, ms(u.ours.startupMs)],
        [`ours, signed first publish`, ms(g.ours.startupMs)],
        [`Node alone: \`${p.nodeStart.command}\``, ms(p.nodeStart.startupMs)],
        [
          'ours (unsigned) / Node alone',
          `${(u.ours.startupMs.median / p.nodeStart.startupMs.median).toFixed(2)}x`,
        ],
      ],
    ),
    '',
    '### Requests per route',
    '',
    "The run with the most requests of each series, by the emulator's route names (all three origins: API, uploads, downloads).",
    '',
    routeTable(r),
    '',
  ];
}

export function signSection(r: Results): string[] {
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

/** Sentences about missed targets, built only from the results' own numbers. */
export function notes(r: Results): string[] {
  const failed = new Set(r.checks.filter((c) => !c.pass).map((c) => c.id));
  const out: string[] = [];
  const p = r.pack;
  if (p && failed.has('pack.size')) {
    out.push(
      `- pack.size: our tarball is ${p.sizes.ours} bytes, ${pct(p.sizes.ours, p.sizes.gzip6SameTar)} against \`gzip -6\`'s ${p.sizes.gzip6SameTar} for the same tar stream; node:zlib (${r.machine.zlib}) as one stream gives ${p.sizes.nodeZlibSameTar} (${pct(p.sizes.nodeZlibSameTar, p.sizes.gzip6SameTar)}).`,
    );
  }
  if (p && (failed.has('pack.vs-guide') || failed.has('pack.vs-ceiling')) && p.ours.cpuS) {
    out.push(
      `- pack speed: pack used ${p.ours.cpuS.median.toFixed(2)} s of CPU per run and kept ${(p.ours.cpuS.median / (p.ours.wallMs.median / 1000)).toFixed(2)} of ${p.ceiling.threads} cores busy on average. The comparison table shows how many cores were busy machine-wide (ours and any other process) during the samples.`,
    );
  }
  const g = r.publish;
  if (g && (failed.has('publish.rss-big') || failed.has('publish.rss-big-action'))) {
    out.push(
      `- publish.rss-big: ${g.big.maxRssMiB.toFixed(1)} MiB with one ${bytesMiB(g.big.bytes)} asset against ${g.unsigned.ours.maxRssMiB.max.toFixed(1)} MiB for the ${g.unsigned.assets}-asset publish.`,
    );
  }
  for (const [id, x] of [
    ['publish.vs-gh', g?.unsigned],
    ['publish.vs-gh-signed', g?.signed],
  ] as const) {
    if (!x || !failed.has(id)) continue;
    out.push(
      `- ${id}: ours took ${s(x.ours.wallMs.median)} s (median) against gh's ${s(x.baseline.wallMs.median)} s; ${x.ours.startupMs.median.toFixed(0)} ms of it before the first request; ${x.first.requests} requests against gh's ${x.baseline.requests} (Requests per route).`,
    );
  }
  if (g && (failed.has('publish.vs-gh') || failed.has('publish.vs-gh-signed'))) {
    const rounds = (n: number, workers: number) => Math.ceil(n / workers);
    const lat = g.latencyMs;
    out.push(
      `- Where the time goes, at ${lat} ms per request: gh's algorithm waits on 2 + ceil(N / 5) round trips (${2 + rounds(g.unsigned.assets, 5)} unsigned, ${2 + rounds(g.signed.assets, 5)} signed); ours on 4 + ceil(N / 32) (${4 + rounds(g.unsigned.assets, 32)} and ${4 + rounds(g.signed.assets, 32)}): the preflight's probe with the release list, the create, the uploads, the publish and the post-publish check, which gh does not make. Ours also pays its process start (${g.unsigned.ours.startupMs.median.toFixed(0)} ms to the first request, of which ${g.nodeStart.startupMs.median.toFixed(0)} ms is Node's own start on this machine), and the draft verification reads and inflates every tarball beside the uploads: on these 2 cores it competes for CPU with the uploads and with the emulator, which hashes and stores the same bytes. The more assets, the more round trips gh's 5 workers need and the closer ours comes (signed: ${g.signed.ratio.toFixed(2)}x).`,
    );
  }
  return out.length === 0 ? [] : ['## Notes on missed targets', '', ...out, ''];
}
