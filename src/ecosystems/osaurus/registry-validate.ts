import { PLUGIN_ID_RE } from './manifest.ts';
import { compareSemver, isSemver } from './semver.ts';

/**
 * The osaurus-tools registry validator (`scripts/validate.py`) over one entry file, every rule
 * reported (the validator stops at a file's first problem; the rules are the same). Signature
 * verification (`VERIFY_SIGNATURES=1`) is verify's own minisign check on the artifact.
 */
export interface EntryProblem {
  /** The validator's rule: json, plugin_id, public_keys, immutable, secrets, capabilities, docs,
   * requires, versions, version, artifact. */
  rule: string;
  message: string;
}

const MINISIGN_PUBKEY_RE = /^RW[A-Za-z0-9+/]{50,}={0,2}$/;
const BASE64_LINE = /^[A-Za-z0-9+/]+=*$/;
const SHA256_RE = /^[a-fA-F0-9]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function signatureProblems(minisign: unknown, where: string, p: EntryProblem[]): void {
  const add = (message: string): void =>
    void p.push({ rule: 'artifact', message: `${where}: ${message}` });
  if (!isObject(minisign)) return add("'minisign' must be an object with 'signature'");
  const sig = minisign['signature'];
  if (!isString(sig)) return add("'minisign.signature' must be a string");
  const lines = sig.trim().split('\n');
  if (lines.length !== 4) return add(`minisign signature has ${lines.length} lines, expected 4`);
  if (!lines[0]!.startsWith('untrusted comment:'))
    add("minisign signature must start with 'untrusted comment:'");
  if (!lines[2]!.startsWith('trusted comment:'))
    add("minisign signature line 3 must start with 'trusted comment:'");
  if (!BASE64_LINE.test(lines[1]!)) add('minisign signature line 2 is not base64');
  if (!BASE64_LINE.test(lines[3]!)) add('minisign signature line 4 is not base64');
}

function artifactProblems(a: unknown, where: string, p: EntryProblem[]): boolean {
  const add = (message: string): void =>
    void p.push({ rule: 'artifact', message: `${where}: ${message}` });
  if (!isObject(a)) return (add('an artifact must be an object'), false);
  const missing = ['os', 'arch', 'url', 'sha256', 'minisign'].filter((k) => !(k in a));
  if (missing.length > 0) return (add(`missing ${missing.join(', ')}`), false);
  const before = p.length;
  if (a['os'] !== 'macos') add(`os '${String(a['os'])}' is not macos`);
  if (a['arch'] !== 'arm64') add(`arch '${String(a['arch'])}' is not arm64`);
  if (!isString(a['url']) || !a['url'].startsWith('https://')) add('url must start with https://');
  if (!isString(a['sha256']) || !SHA256_RE.test(a['sha256'])) add('sha256 is not 64 hex digits');
  signatureProblems(a['minisign'], where, p);
  return p.length === before;
}

function versionProblems(v: unknown, where: string, p: EntryProblem[]): void {
  const add = (message: string): void =>
    void p.push({ rule: 'version', message: `${where}: ${message}` });
  if (!isObject(v)) return add('a version must be an object');
  const missing = ['version', 'artifacts'].filter((k) => !(k in v));
  if (missing.length > 0) return add(`missing ${missing.join(', ')}`);
  if (!isSemver(v['version'])) return add(`version '${String(v['version'])}' is not SemVer`);
  const artifacts = v['artifacts'];
  if (!Array.isArray(artifacts) || artifacts.length === 0)
    return add("'artifacts' must be a non-empty list");
  let macArm = false;
  artifacts.forEach((a, i) => {
    if (artifactProblems(a, `${where} artifacts[${i}]`, p) && isObject(a))
      macArm ||= a['os'] === 'macos' && a['arch'] === 'arm64';
  });
  if (!macArm) add('no artifact for macos/arm64');
  const req = v['requires'];
  if (isObject(req) && 'osaurus_min_version' in req && !isSemver(req['osaurus_min_version']))
    add(`requires.osaurus_min_version '${String(req['osaurus_min_version'])}' is not SemVer`);
}

function capabilityProblems(caps: unknown, p: EntryProblem[]): void {
  const add = (message: string): void => void p.push({ rule: 'capabilities', message });
  if (!isObject(caps)) return add("'capabilities' must be an object");
  const tools = caps['tools'];
  if ('tools' in caps && !Array.isArray(tools)) add("'capabilities.tools' must be an array");
  if (Array.isArray(tools)) {
    const seen = new Set<string>();
    tools.forEach((t: unknown, i) => {
      const name = isObject(t) ? t['name'] : undefined;
      if (!isString(name) || name.trim() === '')
        add(`capabilities.tools[${i}] must have a non-empty string 'name'`);
      else if (seen.has(name)) add(`duplicate tool name '${name}'`);
      else seen.add(name);
    });
  }
  for (const key of ['skills', 'routes']) {
    const list = caps[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) add(`'capabilities.${key}' must be an array or null`);
    else
      list.forEach((x: unknown, i) => {
        if (!isObject(x)) add(`capabilities.${key}[${i}] must be an object`);
        else if (key === 'routes' && (!('name' in x) || !('description' in x)))
          add(`capabilities.routes[${i}] needs 'name' and 'description'`);
      });
  }
  for (const key of ['config', 'web']) {
    if (caps[key] !== undefined && caps[key] !== null && !isObject(caps[key]))
      add(`'capabilities.${key}' must be an object or null`);
  }
}

function otherProblems(e: Record<string, unknown>, p: EntryProblem[]): void {
  if ('secrets' in e) {
    const s = e['secrets'];
    if (!Array.isArray(s)) p.push({ rule: 'secrets', message: "'secrets' must be an array" });
    else
      s.forEach((x: unknown, i) => {
        const ok =
          isObject(x) &&
          isString(x['id']) &&
          isString(x['label']) &&
          typeof x['required'] === 'boolean' &&
          (!('description' in x) || isString(x['description'])) &&
          (!('url' in x) || isString(x['url']));
        if (!ok)
          p.push({
            rule: 'secrets',
            message: `secrets[${i}] needs string id, label and a boolean required`,
          });
      });
  }
  if ('capabilities' in e) capabilityProblems(e['capabilities'], p);
  if ('docs' in e) {
    const d = e['docs'];
    const links = isObject(d) ? d['links'] : undefined;
    const ok =
      isObject(d) &&
      (!('readme' in d) || isString(d['readme'])) &&
      (!('changelog' in d) || isString(d['changelog'])) &&
      (!('links' in d) ||
        (Array.isArray(links) &&
          links.every((l) => isObject(l) && isString(l['label']) && isString(l['url']))));
    if (!ok)
      p.push({
        rule: 'docs',
        message: "'docs' must be an object; readme, changelog strings; links [{label, url}]",
      });
  }
  const req = e['requires'] ?? undefined;
  const min = isObject(req) ? req['osaurus_min_version'] : e['min_osaurus'];
  if (req !== undefined && !isObject(req))
    p.push({ rule: 'requires', message: "'requires' must be an object" });
  else if (!isString(min) || min === '' || !isSemver(min))
    p.push({
      rule: 'requires',
      message: `requires.osaurus_min_version ${JSON.stringify(min ?? null)} is missing or not SemVer`,
    });
}

/**
 * Every validator rule over the text of `plugins/<fileId>.json`. `baseKey` is the key the
 * registry's base branch has for this plugin (immutability), when known.
 */
export function validateEntry(text: string, fileId: string, baseKey?: string): EntryProblem[] {
  const p: EntryProblem[] = [];
  let e: unknown;
  try {
    e = JSON.parse(text);
  } catch (err) {
    return [{ rule: 'json', message: `not JSON: ${(err as Error).message}` }];
  }
  if (!isObject(e)) return [{ rule: 'json', message: 'not a JSON object' }];
  const missing = ['plugin_id', 'versions', 'public_keys'].filter((k) => !(k in e));
  if (missing.length > 0) p.push({ rule: 'json', message: `missing ${missing.join(', ')}` });
  const id = e['plugin_id'];
  if (id !== fileId)
    p.push({
      rule: 'plugin_id',
      message: `plugin_id ${JSON.stringify(id)} is not the file name's ${fileId}`,
    });
  if (!isString(id) || id !== id.toLowerCase() || !PLUGIN_ID_RE.test(id))
    p.push({
      rule: 'plugin_id',
      message: `plugin_id ${JSON.stringify(id)} is not lowercase dot-separated`,
    });
  const keys = e['public_keys'];
  const key = isObject(keys) ? keys['minisign'] : undefined;
  if (!isString(key) || !MINISIGN_PUBKEY_RE.test(key))
    p.push({
      rule: 'public_keys',
      message: 'public_keys.minisign is missing or not an RW... minisign public key',
    });
  else if (baseKey !== undefined && baseKey !== key)
    p.push({
      rule: 'immutable',
      message: `public_keys.minisign changed from the registered ${baseKey}; keys are immutable`,
    });
  otherProblems(e, p);
  const versions = e['versions'];
  if (!Array.isArray(versions)) {
    p.push({ rule: 'versions', message: "'versions' must be a list" });
    return p;
  }
  const names = versions.map((v) => (isObject(v) ? v['version'] : undefined)).filter(isString);
  const dup = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (dup.length > 0) p.push({ rule: 'versions', message: `duplicate versions ${dup.join(', ')}` });
  const parseable = names.filter(isSemver);
  const sorted = [...parseable].sort((a, b) => compareSemver(b, a));
  if (parseable.join('\n') !== sorted.join('\n'))
    p.push({ rule: 'versions', message: `versions must be newest first: ${sorted.join(', ')}` });
  versions.forEach((v, i) => versionProblems(v, `versions[${i}]`, p));
  return p;
}
