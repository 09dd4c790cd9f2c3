/** The nexo installer's extraction limits (ext-installer), enforced before anything is published. */
export const MIB = 1024 * 1024;
export const LIMITS = {
  compressedBytes: 100 * MIB,
  entries: 10_000,
  entryBytes: 100 * MIB,
  totalBytes: 250 * MIB,
} as const;

/** File name endings that are native code, refused under a noarch plugin's lib/. */
export const NATIVE_EXTENSIONS = ['.node', '.so', '.dylib', '.dll', '.pyd'] as const;

export function isNativeFile(p: string): boolean {
  const lower = p.toLowerCase();
  // `.so.1.2` style versioned shared objects count too.
  return NATIVE_EXTENSIONS.some((ext) => lower.endsWith(ext)) || /\.so(\.\d+)+$/.test(lower);
}

export function formatBytes(n: number): string {
  if (n >= MIB) return `${(n / MIB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
