/**
 * The names a failed check carries: what an operator running `nexo plugin install` (or cosign)
 * would see, so a publisher can search the installer's docs and issues for them.
 *
 * Installer names (crate ext-installer: InstallError, ExtractError, VerifyError):
 *   ReleaseShape, TargetNotFound, Sha256Invalid, Sha256Mismatch, TarballTooLarge, TooManyEntries,
 *   EntryTooLarge, ExtractedTooLarge, DisallowedEntryType, UnsafePath, ManifestInvalid,
 *   ManifestMismatch, BinaryMissing, PolicyRequiresSig, CosignFailed.
 *
 * Our names, where the installer has none (it fails with a generic I/O error, fails later at
 * daemon start, or silently does something the publisher did not intend):
 *   ReleaseNotFound      the by-tag endpoint answers 404 (no published release; drafts included)
 *   MultipleGzipMembers  the installer decodes only the first member: the rest is silently lost
 *   GzipInvalid          not gzip, or a corrupt/truncated gzip stream
 *   TarInvalid           a header the installer's tar reader errors on (checksum, truncation)
 *   TarAmbiguous         two tar readers disagree on the entries (an interpretation conflict)
 *   DuplicatePath        a file written twice (the installer's create-new open fails)
 *   BinaryNotExecutable  bin/<id> without any exec bit
 *   SetuidBit            setuid/setgid bits, which the installer keeps as stored
 *   NativeInNoarch       native code under a noarch plugin's lib/
 *   AssetName            a .tar.gz the installer never picks (not `<id>-<version>-<target>`)
 *   UnusualMode          a mode that works but is not the convention (warning)
 *   LatestMismatch       `latest` does not resolve to the release it should
 *   Unsigned             signature files that do not count for the installer (warning)
 */
export type OperatorCode =
  | 'ReleaseNotFound'
  | 'ReleaseShape'
  | 'TargetNotFound'
  | 'Sha256Invalid'
  | 'Sha256Mismatch'
  | 'TarballTooLarge'
  | 'TooManyEntries'
  | 'EntryTooLarge'
  | 'ExtractedTooLarge'
  | 'DisallowedEntryType'
  | 'UnsafePath'
  | 'ManifestInvalid'
  | 'ManifestMismatch'
  | 'BinaryMissing'
  | 'BinaryNotExecutable'
  | 'PolicyRequiresSig'
  | 'CosignFailed'
  | 'MultipleGzipMembers'
  | 'GzipInvalid'
  | 'TarInvalid'
  | 'TarAmbiguous'
  | 'DuplicatePath'
  | 'SetuidBit'
  | 'NativeInNoarch'
  | 'AssetName'
  | 'UnusualMode'
  | 'LatestMismatch'
  | 'Unsigned';
