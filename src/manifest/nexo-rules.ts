/**
 * The checks the nexo daemon runs on a manifest that already deserialized, i.e. after a successful
 * install: `validate::run_all` in lordmacu/nexo-rs `crates/plugin-manifest/src/validate.rs`
 * (called by `crates/core/src/agent/nexo_plugin_registry/discovery.rs`), plus the reserved-env
 * check of `crates/core/src/agent/nexo_plugin_registry/subprocess.rs`. A manifest failing these
 * installs fine and then fails at daemon start, so they are caught here at release time.
 *
 * Each rule only looks at values of the right type; type errors are reported by the shape check.
 * Not checked: `min_nexo_version` matching the running daemon (depends on the operator's daemon).
 */
import { formatPath, type KeyPath } from './locate.ts';
import { isTable, type Issue, type TomlTableValue } from './shape.ts';

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
export const STDERR_TAIL_MAX = 512;
const ID_RULE =
  '^[a-z][a-z0-9_]{0,31}$ (lowercase letter first, then lowercase letters, digits or _, at most 32 chars)';

const tableAt = (root: unknown, path: KeyPath): TomlTableValue | undefined => {
  let v: unknown = root;
  for (const seg of path) v = isTable(v) ? v[seg] : undefined;
  return isTable(v) ? v : undefined;
};

const strAt = (t: TomlTableValue | undefined, key: string): string | undefined => {
  const v = t?.[key];
  return typeof v === 'string' ? v : undefined;
};

/** Array elements with their indexes, keeping only strings (other types are shape errors). */
const stringsAt = (t: TomlTableValue | undefined, key: string): [number, string][] => {
  const v = t?.[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): [number, string][] => (typeof item === 'string' ? [[i, item]] : []));
};

/** Array elements that are tables, with their indexes. */
const tablesAt = (t: TomlTableValue | undefined, key: string): [number, TomlTableValue][] => {
  const v = t?.[key];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): [number, TomlTableValue][] => (isTable(item) ? [[i, item]] : []));
};

/** Why an id fails the pattern, in the daemon's order of reasons. */
function idReason(id: string): string {
  if (id === '') return 'it is empty';
  if (/^[0-9]/.test(id)) return 'it starts with a digit';
  if (/[A-Z]/.test(id)) return 'it has uppercase letters';
  if (id.length > 32) return `it is ${id.length} characters long`;
  return 'it has characters other than a-z, 0-9 and _ or does not start with a letter';
}

/** Rust's str::trim strips Unicode White_Space (unlike JS trim, not U+FEFF). */
const blank = (s: string): boolean => /^\p{White_Space}*$/u.test(s);

/** Mirrors validate_path_security: `is_absolute()` on a Unix host, `:\`, then `..` segments. */
function pathProblem(p: string): string | undefined {
  if (p.startsWith('/') || p.includes(':\\')) {
    return 'must be relative to the plugin root, not absolute; remove the leading / or drive';
  }
  if (p.split(/[/\\]/).includes('..')) {
    return "must not contain '..' (no leaving the plugin root); use a path inside the plugin";
  }
  return undefined;
}

/** Reports a problem at a path under [plugin]. */
type Report = (path: (string | number)[], message: string) => void;
type Rule = (plugin: TomlTableValue, report: Report) => void;

/** validate_id, validate_name, validate_description */
const identity: Rule = (plugin, report) => {
  const id = strAt(plugin, 'id');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    report(['id'], `id '${id}' is invalid (${idReason(id)}): it must match ${ID_RULE}`);
  }
  for (const key of ['name', 'description']) {
    const v = strAt(plugin, key);
    if (v !== undefined && blank(v)) {
      report(
        [key],
        `plugin.${key} must not be empty or only whitespace (the daemon refuses to load the plugin); write a short ${key}`,
      );
    }
  }
};

/** validate_tool_namespace (uses the id as written, valid or not), validate_deferred_subset */
const tools: Rule = (plugin, report) => {
  const id = strAt(plugin, 'id');
  const section = tableAt(plugin, ['tools']);
  const expose = stringsAt(section, 'expose');
  for (const [i, tool] of id === undefined ? [] : expose) {
    if (!tool.startsWith(`${id}_`)) {
      report(
        ['tools', 'expose', i],
        `tool '${tool}' in plugin.tools.expose must start with '${id}_' (the plugin id and an underscore); rename it, e.g. '${id}_${tool}'`,
      );
    }
  }
  const exposed = new Set(expose.map(([, t]) => t));
  for (const [i, tool] of stringsAt(section, 'deferred')) {
    if (!exposed.has(tool)) {
      report(
        ['tools', 'deferred', i],
        `tool '${tool}' in plugin.tools.deferred is not in plugin.tools.expose; deferred tools must be exposed: add it to expose or remove it from deferred`,
      );
    }
  }
};

/** validate_path_security for the three path fields */
const paths: Rule = (plugin, report) => {
  const fields = [
    ['agents', 'contributes_dir'],
    ['skills', 'contributes_dir'],
    ['config', 'schema_path'],
  ] as const;
  for (const [section, key] of fields) {
    const p = strAt(tableAt(plugin, [section]), key);
    const problem = p === undefined ? undefined : pathProblem(p);
    if (problem !== undefined) {
      report([section, key], `${formatPath(['plugin', section, key])} '${p}' ${problem}`);
    }
  }
};

/** validate_channel_kinds */
const channels: Rule = (plugin, report) => {
  tablesAt(tableAt(plugin, ['channels']), 'register').forEach(([i, decl]) => {
    const kind = strAt(decl, 'kind');
    if (kind !== undefined && !ID_PATTERN.test(kind)) {
      report(['channels', 'register', i, 'kind'], `channel kind '${kind}' must match ${ID_RULE}`);
    }
  });
};

/** validate_capability_impl: a declared capability needs its section filled in. */
const capabilities: Rule = (plugin, report) => {
  const has = (section: string, key: string): boolean => {
    const v = tableAt(plugin, [section])?.[key];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  };
  const needs: Record<string, [boolean, string]> = {
    tools: [has('tools', 'expose'), 'list the tools in [plugin.tools] expose = [...]'],
    advisors: [has('advisors', 'register'), 'list them in [plugin.advisors] register = [...]'],
    agents: [has('agents', 'contributes_dir'), 'set [plugin.agents] contributes_dir = "..."'],
    skills: [has('skills', 'contributes_dir'), 'set [plugin.skills] contributes_dir = "..."'],
    channels: [
      has('channels', 'register'),
      'add a [[plugin.channels.register]] table with kind and adapter',
    ],
  };
  for (const [i, cap] of stringsAt(tableAt(plugin, ['capabilities']), 'provides')) {
    const [filled, fix] = needs[cap] ?? [true, ''];
    if (!filled) {
      report(
        ['capabilities', 'provides', i],
        `capability '${cap}' is declared in plugin.capabilities.provides but its section is empty; ${fix}, or remove '${cap}' from provides`,
      );
    }
  }
};

/** validate_capability_gates_unique */
const gates: Rule = (plugin, report) => {
  const seen = new Set<string>();
  for (const [i, gate] of tablesAt(tableAt(plugin, ['capability_gates']), 'gate')) {
    const env = strAt(gate, 'env_var');
    if (env === undefined) continue;
    if (seen.has(env)) {
      report(
        ['capability_gates', 'gate', i, 'env_var'],
        `capability gate env_var '${env}' is used by more than one gate; each gate needs its own env_var`,
      );
    }
    seen.add(env);
  }
};

/** validate_supervisor */
const supervisor: Rule = (plugin, report) => {
  const tail = tableAt(plugin, ['supervisor'])?.['stderr_tail_lines'];
  if (typeof tail === 'bigint' && tail > BigInt(STDERR_TAIL_MAX)) {
    report(
      ['supervisor', 'stderr_tail_lines'],
      `plugin.supervisor.stderr_tail_lines is ${tail}, above the daemon's cap of ${STDERR_TAIL_MAX}; lower it to ${STDERR_TAIL_MAX} or less`,
    );
  }
};

/** subprocess.rs refuses to spawn with a reserved env key (checked here even without a command). */
const reservedEnv: Rule = (plugin, report) => {
  for (const key of Object.keys(tableAt(plugin, ['entrypoint', 'env']) ?? {})) {
    if (key.startsWith('NEXO_')) {
      report(
        ['entrypoint', 'env', key],
        `plugin.entrypoint.env key '${key}' starts with NEXO_, which is reserved for the nexo runtime; rename it (e.g. without the NEXO_ prefix)`,
      );
    }
  }
};

const RULES: readonly Rule[] = [
  identity,
  tools,
  paths,
  channels,
  capabilities,
  gates,
  supervisor,
  reservedEnv,
];

/** Runs the daemon checks; appends issues to `out`. `root` is the whole parsed document. */
export function checkNexoRules(root: unknown, out: Issue[]): void {
  const plugin = tableAt(root, ['plugin']);
  if (plugin === undefined) return;
  const report: Report = (path, message) => {
    out.push({ path: ['plugin', ...path], where: 'key', message });
  };
  for (const rule of RULES) rule(plugin, report);
}
