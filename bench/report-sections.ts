/** The per-benchmark sections of BENCHMARKS.md, and notes on missed targets. */
import { bytesMiB, cpuCell, mib, pct, s, secs, table } from './lib/format.ts';
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

export function publishSection(r: Results): string[] {
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
        ...(p.bigAction
          ? [
              [
                `ours: the same through the action entry (\`node dist/index.js\`)`,
                `${s(p.bigAction.wallMs)} s`,
                p.bigAction.stored ? 'stored' : 'NOT stored',
                `${p.bigAction.maxRssMiB.toFixed(1)} MiB`,
              ],
            ]
          : []),
      ],
    ),
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
      `- publish.rss-big: ${g.big.maxRssMiB.toFixed(1)} MiB with one ${bytesMiB(g.big.bytes)} asset against ${g.ours.maxRssMiB.max.toFixed(1)} MiB for the ${g.assets}-asset publish of small files.`,
    );
  }
  return out.length === 0 ? [] : ['## Notes on missed targets', '', ...out, ''];
}
