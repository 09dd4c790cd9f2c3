/**
 * A minimal git object model: blobs, flat trees (path -> blob sha) and commits. One store serves
 * every repository; each commit belongs to a fork network (the root repository's id), and a
 * repository sees exactly its network's commits, as a GitHub fork sees its parent's objects.
 * Blob shas are git's own (sha1 of `blob <size>\0<bytes>`, what `git hash-object` prints); tree
 * and commit shas are sha1s of a canonical rendering, unique per commit.
 */
import { createHash } from 'node:crypto';

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  network: number;
}

/** path -> blob sha, for every file below the tree's root. */
export type Tree = ReadonlyMap<string, string>;

export interface DirEntry {
  name: string;
  path: string;
  type: 'file' | 'dir';
  sha: string;
  size: number;
}

export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'removed';
  additions: number;
  deletions: number;
}

export const EMULATOR_PERSON = { name: 'GitHub', email: 'noreply@github.com' };

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

export function blobSha(content: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

const lines = (b: Buffer | undefined) => {
  if (b === undefined || b.length === 0) return 0;
  const n = b.toString('utf8').split('\n').length;
  return b[b.length - 1] === 0x0a ? n - 1 : n;
};

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Tree>();
  readonly commits = new Map<string, GitCommit>();
  private seq = 0;

  putBlob(content: Buffer): string {
    const sha = blobSha(content);
    this.blobs.set(sha, content);
    return sha;
  }

  putTree(entries: Tree): string {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = sha1(`tree\n${sorted.map(([p, s]) => `${s} ${p}`).join('\n')}`);
    if (!this.trees.has(sha)) this.trees.set(sha, new Map(sorted));
    return sha;
  }

  putCommit(
    network: number,
    fields: { tree: string; parents: string[]; message: string; author?: GitPerson },
  ): GitCommit {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const author = fields.author ?? { ...EMULATOR_PERSON, date: now };
    const committer = { ...EMULATOR_PERSON, date: now };
    // The sequence number makes two identical commits (same tree, parent, message) distinct,
    // as their timestamps would in git.
    const text = `commit ${++this.seq}\ntree ${fields.tree}\n${fields.parents
      .map((p) => `parent ${p}\n`)
      .join('')}author ${author.name} ${author.date}\n\n${fields.message}`;
    const commit: GitCommit = { sha: sha1(text), network, committer, author, ...fields };
    this.commits.set(commit.sha, commit);
    return commit;
  }

  /** The commit `sha` as `network` sees it. */
  commit(network: number, sha: string): GitCommit | undefined {
    const c = this.commits.get(sha.toLowerCase());
    return c && c.network === network ? c : undefined;
  }

  treeOf(commit: GitCommit): Tree {
    return this.trees.get(commit.tree) ?? new Map();
  }

  file(commit: GitCommit, path: string): { sha: string; content: Buffer } | undefined {
    const sha = this.treeOf(commit).get(path);
    const content = sha === undefined ? undefined : this.blobs.get(sha);
    return sha === undefined || content === undefined ? undefined : { sha, content };
  }

  /** The sha of the subtree at `dir` ('' is the root), registered so it can be looked up. */
  subtree(tree: Tree, dir: string): string | undefined {
    if (dir === '') return this.putTree(tree);
    const prefix = `${dir}/`;
    const sub = new Map<string, string>();
    for (const [p, s] of tree) if (p.startsWith(prefix)) sub.set(p.slice(prefix.length), s);
    return sub.size === 0 ? undefined : this.putTree(sub);
  }

  /** The entries directly inside `dir` ('' = root) of a commit, by name; undefined when no such
   * directory. */
  dir(commit: GitCommit, dir: string): DirEntry[] | undefined {
    return this.entries(this.treeOf(commit), dir);
  }

  entries(tree: Tree, dir: string): DirEntry[] | undefined {
    const prefix = dir === '' ? '' : `${dir}/`;
    const seen = new Map<string, DirEntry>();
    for (const [p, sha] of tree) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (seen.has(name)) continue;
      const path = prefix + name;
      if (slash < 0) {
        seen.set(name, { name, path, type: 'file', sha, size: this.blobs.get(sha)?.length ?? 0 });
      } else {
        seen.set(name, { name, path, type: 'dir', sha: this.subtree(tree, path) ?? '', size: 0 });
      }
    }
    if (seen.size === 0 && dir !== '') return undefined;
    return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every commit reachable from `sha` (itself included). */
  ancestors(sha: string): Set<string> {
    const out = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const cur = stack.pop() as string;
      if (out.has(cur)) continue;
      out.add(cur);
      stack.push(...(this.commits.get(cur)?.parents ?? []));
    }
    return out;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** Commits reachable from `head` but not from `base` (what a pull request shows), newest first
   * in parent order. */
  commitsAhead(base: string, head: string): string[] {
    const behind = this.ancestors(base);
    return [...this.ancestors(head)].filter((s) => !behind.has(s));
  }

  /** The newest common ancestor (first found walking from `head` breadth-first). */
  mergeBase(base: string, head: string): string | undefined {
    const behind = this.ancestors(base);
    const queue = [head];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const cur = queue.shift() as string;
      if (behind.has(cur)) return cur;
      if (seen.has(cur)) continue;
      seen.add(cur);
      queue.push(...(this.commits.get(cur)?.parents ?? []));
    }
    return undefined;
  }

  /** What changed from tree `a` to tree `b`, with line counts, by path. */
  diff(a: Tree, b: Tree): FileChange[] {
    const out: FileChange[] = [];
    for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(path);
      const y = b.get(path);
      if (x === y) continue;
      const before = x === undefined ? undefined : this.blobs.get(x);
      const after = y === undefined ? undefined : this.blobs.get(y);
      const status = x === undefined ? 'added' : y === undefined ? 'removed' : 'modified';
      out.push({ path, status, additions: lines(after), deletions: lines(before) });
    }
    return out;
  }
}
