/**
 * The shape of `nexo-plugin.toml`, as the nexo installer and daemon deserialize it: the serde
 * structs in lordmacu/nexo-rs `crates/plugin-manifest/src/manifest.rs` (struct names in the
 * comments). Every one of those structs carries `#[serde(deny_unknown_fields)]`, so every table
 * here rejects unknown keys; the only open key sets are the two `BTreeMap`s (`ui.fields` and
 * `entrypoint.env`). Keys without `#[serde(default)]` are required.
 */

/** A value's expected shape. `table` = a Rust struct; `map` = a `BTreeMap<String, _>`. */
export type Spec =
  | { kind: 'string'; format?: 'version' | 'versionReq' }
  | { kind: 'bool' }
  /** An unsigned Rust integer type; `max` is its upper bound. */
  | { kind: 'int'; rust: string; max: bigint }
  /** A serde unit-variant enum, written as one of these exact strings. */
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; of: Spec }
  | { kind: 'map'; of: Spec }
  | { kind: 'table'; denyUnknown: boolean; fields: Readonly<Record<string, Field>> };

export interface Field {
  spec: Spec;
  /** True when the struct field has no serde default (absent = parse error). */
  required?: boolean;
  /** A line to suggest when the key is missing. */
  example?: string;
}

const str: Spec = { kind: 'string' };
const bool: Spec = { kind: 'bool' };
const strings: Spec = { kind: 'array', of: str };
const u16: Spec = { kind: 'int', rust: 'u16', max: 65535n };
const u32: Spec = { kind: 'int', rust: 'u32', max: 4294967295n };
const U64_MAX = 18446744073709551615n;
const u64: Spec = { kind: 'int', rust: 'u64', max: U64_MAX };
const table = (fields: Record<string, Field>): Spec => ({
  kind: 'table',
  denyUnknown: true,
  fields,
});
const opt = (spec: Spec): Field => ({ spec });
const req = (spec: Spec, example: string): Field => ({ spec, required: true, example });

/** `Capability` (serde rename_all = "snake_case"). */
export const CAPABILITIES = [
  'tools',
  'advisors',
  'agents',
  'skills',
  'channels',
  'hooks',
  'mcp_servers',
  'webhooks',
  'poller_drivers',
  'llm_providers',
] as const;

/** `PluginManifest` → `PluginSection` and its sub-sections. */
export const NEXO_MANIFEST_SCHEMA: Spec = table({
  plugin: req(
    table({
      id: req(str, 'id = "my_plugin"'),
      version: req({ kind: 'string', format: 'version' }, 'version = "0.1.0"'),
      name: req(str, 'name = "My Plugin"'),
      description: req(str, 'description = "What the plugin does"'),
      min_nexo_version: req(
        { kind: 'string', format: 'versionReq' },
        'min_nexo_version = ">=0.1.0"',
      ),
      enabled_by_default: opt(bool),
      // Capabilities, AdminCapabilities, HttpServerCapability
      capabilities: opt(
        table({
          provides: opt({ kind: 'array', of: { kind: 'enum', values: CAPABILITIES } }),
          admin: opt(table({ required: opt(strings), optional: opt(strings) })),
          http_server: opt(
            table({
              port: req(u16, 'port = 8080'),
              bind: opt(str),
              token_env: req(str, 'token_env = "MY_PLUGIN_TOKEN"'),
              health_path: opt(str),
            }),
          ),
          skills: opt(strings),
        }),
      ),
      tools: opt(table({ expose: opt(strings), deferred: opt(strings) })), // ToolsSection
      advisors: opt(table({ register: opt(strings) })), // AdvisorsSection
      agents: opt(table({ contributes_dir: opt(str), allow_override: opt(bool) })), // AgentsSection
      // ChannelsSection, ChannelDecl
      channels: opt(
        table({
          register: opt({
            kind: 'array',
            of: table({
              kind: req(str, 'kind = "my_channel"'),
              adapter: req(str, 'adapter = "MyChannelAdapter"'),
            }),
          }),
        }),
      ),
      skills: opt(table({ contributes_dir: opt(str) })), // SkillsSection
      config: opt(table({ schema_path: opt(str), hot_reload: opt(bool) })), // ConfigSection
      // RequiresSection
      requires: opt(
        table({
          bins: opt(strings),
          env: opt(strings),
          features: opt(strings),
          nexo_capabilities: opt(strings),
        }),
      ),
      // CapabilityGatesSection (field `gates` renamed to `gate`), CapabilityGateDecl
      capability_gates: opt(
        table({
          gate: opt({
            kind: 'array',
            of: table({
              extension: req(str, 'extension = "my_plugin"'),
              env_var: req(str, 'env_var = "MY_PLUGIN_FEATURE"'),
              kind: req(
                { kind: 'enum', values: ['Boolean', 'CargoFeature', 'Allowlist'] },
                'kind = "Boolean"',
              ),
              risk: req(
                { kind: 'enum', values: ['Low', 'Medium', 'High', 'Critical'] },
                'risk = "Low"',
              ),
              effect: req(str, 'effect = "What enabling it does"'),
              hint: opt(str),
            }),
          }),
        }),
      ),
      // UiSection, UiHint
      ui: opt(
        table({
          fields: opt({
            kind: 'map',
            of: table({
              label: opt(str),
              help: opt(str),
              tags: opt(strings),
              advanced: opt(bool),
              sensitive: opt(bool),
              placeholder: opt(str),
            }),
          }),
        }),
      ),
      contracts: opt(table({ provides: opt(strings), consumes: opt(strings) })), // ContractsSection
      // MetaSection
      meta: opt(
        table({ author: opt(str), license: opt(str), homepage: opt(str), repository: opt(str) }),
      ),
      // EntrypointSection
      entrypoint: opt(
        table({ command: opt(str), args: opt(strings), env: opt({ kind: 'map', of: str }) }),
      ),
      // SupervisorSection (stderr_tail_lines is a usize: u64 on the 64-bit hosts nexo runs on)
      supervisor: opt(
        table({
          respawn: opt(bool),
          max_attempts: opt(u32),
          backoff_ms: opt(u64),
          stderr_tail_lines: opt({ kind: 'int', rust: 'usize', max: U64_MAX }),
        }),
      ),
    }),
    '[plugin]',
  ),
});
