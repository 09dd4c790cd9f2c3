/** Plugin manifest readers (one per ecosystem manifest format) behind one interface. */
export type { ManifestCheck, ManifestReader, PluginManifest } from './types.ts';
export { nexoManifestReader } from './nexo.ts';
export { rustVersionError, rustVersionReqError } from './rust-semver.ts';
