/**
 * The field rules of PRYZM's v1 manifest schema (`packages/plugin-sdk/src/descriptor.ts`), as
 * data for the checker in schema.ts: each top-level field and each contribution kind's fields,
 * with the SDK's defaults. Messages say what is expected and give an example.
 */
export const PERMISSIONS = [
  'read:project',
  'write:project',
  'read:user',
  'network:fetch',
  'register:tool',
  'register:panel',
  'register:command',
] as const;

const ID_RE = /^[a-z][a-z0-9-]{2,63}$/;
const SDK_VERSION_RE = /^\d+\.\d+\.\d+$/;
/** The marketplace's StrictSemverSchema: the SDK's form without leading zeros. */
export const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export type Rule =
  | {
      type: 'string';
      optional?: boolean;
      default?: string;
      check?: (s: string) => string | undefined;
    }
  | { type: 'enum'; values: readonly string[]; optional?: boolean }
  | { type: 'literal'; value: string }
  | { type: 'number'; optional?: boolean }
  | { type: 'strings'; of?: readonly string[]; default?: string[] }
  | { type: 'contributions' };

const str = (check?: (s: string) => string | undefined): Rule => ({ type: 'string', check });
const opt = (check?: (s: string) => string | undefined): Rule => ({
  type: 'string',
  optional: true,
  check,
});

export const TOP: Readonly<Record<string, Rule>> = {
  pryzmPlugin: { type: 'literal', value: '1.0' },
  id: str((s) =>
    ID_RE.test(s)
      ? undefined
      : 'must be lowercase kebab-case: a letter, then 2 to 63 letters a-z, digits or "-" (e.g. "wall-counter")',
  ),
  version: str((s) =>
    VERSION_RE.test(s)
      ? undefined
      : SDK_VERSION_RE.test(s)
        ? 'has a leading zero, which the PRYZM marketplace refuses; write MAJOR.MINOR.PATCH without leading zeros (e.g. "1.0.3")'
        : 'must be MAJOR.MINOR.PATCH, three numbers only: PRYZM versions have no "v", no -prerelease and no +build part (e.g. "1.2.0")',
  ),
  displayName: str((s) =>
    s.length >= 2 && s.length <= 80
      ? undefined
      : `must be 2 to 80 characters long (UTF-16 units), found ${s.length}`,
  ),
  description: str((s) =>
    s.length <= 500
      ? undefined
      : `must be at most 500 characters long (UTF-16 units), found ${s.length}`,
  ),
  author: str(),
  homepage: opt((s) =>
    URL.canParse(s) ? undefined : 'must be an absolute URL (e.g. "https://example.com/plugin")',
  ),
  main: str(),
  icon: opt(),
  license: { type: 'string', default: 'MIT' },
  permissions: { type: 'strings', of: PERMISSIONS },
  allowedOrigins: { type: 'strings', default: [] },
  contributions: { type: 'contributions' },
  minPRYZMVersion: str((s) =>
    SDK_VERSION_RE.test(s) ? undefined : 'must be MAJOR.MINOR.PATCH (e.g. "1.0.0")',
  ),
  pricingModel: { type: 'enum', values: ['free', 'one-time', 'subscription'], optional: true },
  pricingCurrency: opt(),
  pricingAmount: { type: 'number', optional: true },
};

export const CONTRIBUTIONS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  tool: {
    id: str(),
    label: str(),
    icon: str(),
    toolbar: { type: 'enum', values: ['left', 'right', 'top', 'floating'] },
  },
  panel: {
    id: str(),
    location: { type: 'enum', values: ['properties', 'sidebar-left', 'sidebar-right', 'bottom'] },
    label: str(),
  },
  command: { id: str(), label: str(), keybinding: opt(), category: opt() },
  'element-type': { id: str(), label: str(), ifcEntityType: str(), familyFile: str() },
  'view-template': { id: str(), label: str(), templateFile: str() },
};
