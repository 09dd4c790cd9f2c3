import semver from 'semver';
import type { KeyPath } from '../../manifest/locate.ts';

/**
 * The ElizaOS rules over a parsed package.json (contract: ecosystems/elizaos.md), pure: every
 * violation is returned with the key path it is about, none stops the others. What the rules
 * accept is turned into `ElizaPackage`, the facts the plan, the registry entry and npm need.
 */

export const PLUGIN_TYPE = 'elizaos:plugin:1.0.0';
/** The registry schema's `package` pattern. */
export const REGISTRY_NAME = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
const GITHUB_PART = /^[A-Za-z0-9_.-]+$/;
const DIRECTORY = /^[A-Za-z0-9._/-]+$/;

export interface ElizaPackage {
  name: string;
  version: string;
  description: string;
  repository: { owner: string; repo: string; directory: string | undefined };
  homepage: string | undefined;
  keywords: string[];
  kind: 'plugin' | 'connector';
}

export interface RuleIssue {
  path: KeyPath;
  /** 'key': point at the member's key (wrong value); 'value': at the value; missing members point at the parent. */
  message: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `a ${typeof v} (${JSON.stringify(v)})`;

/** Why `name` is not an ElizaOS plugin's npm name, or undefined. */
export function nameProblem(name: string): string | undefined {
  if (name.length > 214) return `it is ${name.length} characters; npm allows at most 214`;
  if (name !== name.toLowerCase())
    return 'npm names are lowercase (an uppercase scope or name resolves to nothing on npm)';
  if (!REGISTRY_NAME.test(name)) {
    return "it is not a valid npm name for the ElizaOS registry (lowercase letters, digits, '.', '_' and '-', optionally under one @scope/, not starting with '.' or '_')";
  }
  const [scope, bare] = name.startsWith('@')
    ? [name.slice(1, name.indexOf('/')), name.slice(name.indexOf('/') + 1)]
    : [undefined, name];
  if (scope === 'elizaos')
    return 'the @elizaos scope is reserved for first-party plugins; publish under your own scope or without one';
  if (!/^plugin-[a-z0-9._-]+$/.test(bare)) {
    return `an ElizaOS plugin is named plugin-<name> or @<scope>/plugin-<name>, e.g. ${scope === undefined ? '' : `@${scope}/`}plugin-${bare.replace(/^plugin-?/, '') || 'example'}`;
  }
  return undefined;
}

/**
 * The GitHub repository a package.json `repository` names, as owner and repo without `.git`:
 * `github:o/r`, npm's bare `o/r` shorthand (npm reads it as GitHub), or a github.com URL in any
 * git scheme (https, git+https, git, ssh, git+ssh, `git@github.com:o/r.git`), optionally with
 * a `/tree/...` path or a `#ref`. Anything else (`gitlab:`, another host) is undefined.
 */
export function githubRepo(url: string): { owner: string; repo: string } | undefined {
  const s = url.trim();
  const m =
    /^(?:github:)?([^/\s:@]+)\/([^/\s#]+?)(?:\.git)?(?:#.*)?$/.exec(s) ??
    /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/\s]+@)?(?:www\.)?github\.com(?::\d+)?\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?(?:\/(?:tree|blob)\/\S*)?\/?(?:[#?].*)?$/i.exec(
      s,
    ) ??
    /^(?:[^@/\s]+@)?github\.com:([^/\s]+)\/([^/\s#]+?)(?:\.git)?(?:#.*)?$/i.exec(s);
  if (m === null || !GITHUB_PART.test(m[1]!) || !GITHUB_PART.test(m[2]!)) return undefined;
  return { owner: m[1]!, repo: m[2]! };
}

function absoluteUrl(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  // An RFC 3986 absolute URI (the schema's `format: uri`): a scheme and no blanks or controls.
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]+$/.test(s) || !URL.canParse(s)) return undefined;
  return s;
}

export function checkPackage(doc: unknown): { issues: RuleIssue[]; pkg?: ElizaPackage } {
  const issues: RuleIssue[] = [];
  const add = (path: KeyPath, message: string) => issues.push({ path, message });
  if (!isObject(doc)) {
    add([], `package.json must hold a JSON object, not ${kind(doc)}`);
    return { issues };
  }

  const agent = doc.agentConfig;
  if (!isObject(agent))
    add(
      ['agentConfig'],
      `agentConfig must be an object ({"pluginType": "${PLUGIN_TYPE}", "pluginParameters": {}}), not ${agent === undefined ? 'missing' : kind(agent)}`,
    );
  else {
    if (agent.pluginType !== PLUGIN_TYPE) {
      add(
        ['agentConfig', 'pluginType'],
        `agentConfig.pluginType must be "${PLUGIN_TYPE}", ${agent.pluginType === undefined ? 'and it is missing' : `not ${kind(agent.pluginType)}`}`,
      );
    }
    if (!isObject(agent.pluginParameters)) {
      add(
        ['agentConfig', 'pluginParameters'],
        `agentConfig.pluginParameters must be an object (the settings the plugin reads, {} for none), ${agent.pluginParameters === undefined ? 'and it is missing' : `not ${kind(agent.pluginParameters)}`}`,
      );
    }
  }

  const name = doc.name;
  if (typeof name !== 'string')
    add(
      ['name'],
      `name must be the npm package name, a string such as "plugin-example", ${name === undefined ? 'and it is missing' : `not ${kind(name)}`}`,
    );
  else {
    const why = nameProblem(name);
    if (why !== undefined) add(['name'], `name "${name}": ${why}`);
  }

  const version = doc.version;
  if (typeof version !== 'string')
    add(
      ['version'],
      `version must be a SemVer string such as "1.0.0", ${version === undefined ? 'and it is missing' : `not ${kind(version)}`}`,
    );
  else if (semver.valid(version) !== version) {
    add(
      ['version'],
      `version "${version}" is not strict SemVer (MAJOR.MINOR.PATCH with an optional -prerelease, no 'v', no build metadata, which npm drops), e.g. 1.0.0 or 1.1.0-beta.1`,
    );
  }

  const description = doc.description;
  if (typeof description !== 'string' || description.trim() === '') {
    add(
      ['description'],
      `description must say what the plugin does (the registry lists it), ${description === undefined ? 'and it is missing' : typeof description === 'string' ? 'and it is empty' : `not ${kind(description)}`}`,
    );
  } else if (/\$\{[^}]*\}/.test(description)) {
    add(
      ['description'],
      `description "${description}" still holds the starter's placeholder ${/\$\{[^}]*\}/.exec(description)![0]}: write the plugin's own description`,
    );
  }

  const repoField = doc.repository;
  const repoUrl = isObject(repoField) ? repoField.url : repoField;
  const repoPath: KeyPath = isObject(repoField) ? ['repository', 'url'] : ['repository'];
  const repo = typeof repoUrl === 'string' ? githubRepo(repoUrl) : undefined;
  if (repo === undefined) {
    add(
      repoPath,
      `repository must name the plugin's GitHub repository, as "github:<owner>/<repo>" or {"type": "git", "url": "https://github.com/<owner>/<repo>.git"}, ${repoField === undefined ? 'and it is missing' : `not ${kind(repoUrl)}`}`,
    );
  }
  const dirField = isObject(repoField) ? repoField.directory : undefined;
  if (dirField !== undefined && (typeof dirField !== 'string' || !DIRECTORY.test(dirField))) {
    add(
      ['repository', 'directory'],
      `repository.directory must be a path of letters, digits, '.', '_', '/' and '-' (the registry's pattern), not ${kind(dirField)}`,
    );
  }

  if (issues.length > 0) return { issues };
  const keywords = Array.isArray(doc.keywords) ? doc.keywords : [];
  const elizaos = doc.elizaos;
  return {
    issues,
    pkg: {
      name: name as string,
      version: version as string,
      description: (description as string).trim(),
      repository: { ...repo!, directory: dirField as string | undefined },
      homepage: absoluteUrl(doc.homepage),
      keywords: [
        ...new Set(
          keywords
            .filter((k): k is string => typeof k === 'string')
            .map((k) => k.trim())
            .filter((k) => k !== ''),
        ),
      ],
      kind: isObject(elizaos) && elizaos.kind === 'connector' ? 'connector' : 'plugin',
    },
  };
}
