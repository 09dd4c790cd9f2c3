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

const arrayLength = (t: TomlTableValue | undefined, key: string): number => {
  const v = t?.[key];
  return Array.isArray(v) ? v.length : 0;
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

/** Daemon checks; appends issues to `out`. `root` is the whole parsed document. */
export function checkNexoRules(root: unknown, out: Issue[]): void {
  const plugin = tableAt(root, ['plugin']);
  if (plugin === undefined) return;
  const at = (...rest: (string | number)[]): KeyPath => ['plugin', ...rest];
  const push = (path: KeyPath, message: string): void => {
    out.push({ path, where: 'key', message });
  };

  const id = strAt(plugin, 'id');
  if (id !== undefined && !ID_PATTERN.test(id)) {
    push(at('id'), `id '${id}' is invalid (${idReason(id)}): it must match ${ID_RULE}`);
  }
  for (const key of ['name', 'description']) {
    const v = strAt(plugin, key);
    if (v !== undefined && blank(v)) {
      push(
        at(key),
        `plugin.${key} must not be empty or only whitespace (the daemon refuses to load the plugin); write a short ${key}`,
      );
    }
  }

  const tools = tableAt(plugin, ['tools']);
  const expose = stringsAt(tools, 'expose');
  if (id !== undefined) {
    for (const [i, tool] of expose) {
      if (!tool.startsWith(`${id}_`)) {
        push(
          at('tools', 'expose', i),
          `tool '${tool}' in plugin.tools.expose must start with '${id}_' (the plugin id and an underscore); rename it, e.g. '${id}_${tool}'`,
        );
      }
    }
  }
  const exposed = new Set(expose.map(([, t]) => t));
  for (const [i, tool] of stringsAt(tools, 'deferred')) {
    if (!exposed.has(tool)) {
      push(
        at('tools', 'deferred', i),
        `tool '${tool}' in plugin.tools.deferred is not in plugin.tools.expose; deferred tools must be exposed: add it to expose or remove it from deferred`,
      );
    }
  }

  for (const [section, key] of [
    ['agents', 'contributes_dir'],
    ['skills', 'contributes_dir'],
    ['config', 'schema_path'],
  ] as const) {
    const p = strAt(tableAt(plugin, [section]), key);
    const problem = p === undefined ? undefined : pathProblem(p);
    if (problem !== undefined)
      push(at(section, key), `${formatPath(at(section, key))} '${p}' ${problem}`);
  }

  const channels = tableAt(plugin, ['channels'])?.['register'];
  const channelList = Array.isArray(channels) ? channels : [];
  channelList.forEach((decl, i) => {
    const kind = isTable(decl) ? strAt(decl, 'kind') : undefined;
    if (kind !== undefined && !ID_PATTERN.test(kind)) {
      push(at('channels', 'register', i, 'kind'), `channel kind '${kind}' must match ${ID_RULE}`);
    }
  });

  // validate_capability_impl: a declared capability needs its section filled in.
  const filled: Record<string, [boolean, string]> = {
    tools: [arrayLength(tools, 'expose') > 0, 'list the tools in [plugin.tools] expose = [...]'],
    advisors: [
      arrayLength(tableAt(plugin, ['advisors']), 'register') > 0,
      'list them in [plugin.advisors] register = [...]',
    ],
    agents: [
      tableAt(plugin, ['agents'])?.['contributes_dir'] !== undefined,
      'set [plugin.agents] contributes_dir = "..."',
    ],
    skills: [
      tableAt(plugin, ['skills'])?.['contributes_dir'] !== undefined,
      'set [plugin.skills] contributes_dir = "..."',
    ],
    channels: [
      channelList.length > 0,
      'add a [[plugin.channels.register]] table with kind and adapter',
    ],
  };
  for (const [i, cap] of stringsAt(tableAt(plugin, ['capabilities']), 'provides')) {
    const entry = filled[cap];
    if (entry !== undefined && !entry[0]) {
      push(
        at('capabilities', 'provides', i),
        `capability '${cap}' is declared in plugin.capabilities.provides but its section is empty; ${entry[1]}, or remove '${cap}' from provides`,
      );
    }
  }

  // validate_capability_gates_unique
  const gates = tableAt(plugin, ['capability_gates'])?.['gate'];
  const seenEnv = new Set<string>();
  (Array.isArray(gates) ? gates : []).forEach((gate, i) => {
    const env = isTable(gate) ? strAt(gate, 'env_var') : undefined;
    if (env === undefined) return;
    if (seenEnv.has(env)) {
      push(
        at('capability_gates', 'gate', i, 'env_var'),
        `capability gate env_var '${env}' is used by more than one gate; each gate needs its own env_var`,
      );
    }
    seenEnv.add(env);
  });

  const tail = tableAt(plugin, ['supervisor'])?.['stderr_tail_lines'];
  if (typeof tail === 'bigint' && tail > BigInt(STDERR_TAIL_MAX)) {
    push(
      at('supervisor', 'stderr_tail_lines'),
      `plugin.supervisor.stderr_tail_lines is ${tail}, above the daemon's cap of ${STDERR_TAIL_MAX}; lower it to ${STDERR_TAIL_MAX} or less`,
    );
  }

  // subprocess.rs refuses to spawn with a reserved env key (checked here even without a command).
  const env = tableAt(plugin, ['entrypoint', 'env']);
  for (const key of Object.keys(env ?? {})) {
    if (key.startsWith('NEXO_')) {
      push(
        at('entrypoint', 'env', key),
        `plugin.entrypoint.env key '${key}' starts with NEXO_, which is reserved for the nexo runtime; rename it (e.g. without the NEXO_ prefix)`,
      );
    }
  }
}
