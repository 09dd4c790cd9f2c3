import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  Octokit
} from "./chunk-RMI2MBVT.js";
import {
  apiErrorDetails
} from "./chunk-VK2GVVSJ.js";
import {
  retryPolicyFromEnv,
  withRetry
} from "./chunk-E6E2LMZJ.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/github/registry-api.ts
var status = (e) => e.status;
async function orUndefined(p, statuses) {
  try {
    return await p;
  } catch (e) {
    if (statuses.includes(status(e) ?? 0)) return void 0;
    throw e;
  }
}
var pullInfo = (p) => ({
  number: p.number,
  url: p.html_url,
  title: p.title,
  body: p.body
});
function createRegistryApi(opts) {
  const octokit = new Octokit({
    auth: opts.token === "" ? void 0 : opts.token,
    baseUrl: opts.apiUrl.replace(/\/+$/, ""),
    userAgent: "plugin-release-action",
    log: { debug() {
    }, info() {
    }, warn() {
    }, error() {
    } }
  });
  octokit.hook.wrap(
    "request",
    async (request, options) => withRetry(
      opts.retry,
      async () => request(options),
      (e, wait) => opts.onRetry?.(
        `${options.method} ${options.url}: ${e.message}; retrying in ${Math.round(wait / 1e3)}s`
      )
    )
  );
  const req = octokit.request;
  const o = (r) => ({ owner: r.owner, repo: r.name });
  return {
    getRepo: (r) => orUndefined(
      req("GET /repos/{owner}/{repo}", o(r)).then(({ data }) => ({
        owner: data.owner.login,
        name: data.name,
        defaultBranch: data.default_branch,
        push: data.permissions?.push === true
      })),
      [404]
    ),
    login: async () => (await req("GET /user")).data.login,
    fork: async (r) => {
      const { data } = await req("POST /repos/{owner}/{repo}/forks", {
        ...o(r),
        default_branch_only: true
      });
      return { owner: data.owner.login, name: data.name };
    },
    branchSha: (r, branch) => orUndefined(
      req("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...o(r), ref: `heads/${branch}` }).then(
        ({ data }) => data.object.sha
      ),
      [404, 409]
    ),
    createBranch: async (r, branch, sha) => void await req("POST /repos/{owner}/{repo}/git/refs", {
      ...o(r),
      ref: `refs/heads/${branch}`,
      sha
    }),
    forceBranch: async (r, branch, sha) => void await req("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...o(r),
      ref: `heads/${branch}`,
      sha,
      force: true
    }),
    commit: async (r, sha) => {
      const { data } = await req("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
        ...o(r),
        commit_sha: sha
      });
      return { tree: data.tree.sha, parents: data.parents.map((p) => p.sha) };
    },
    treeWithFile: async (r, baseTree, path, content) => (await req("POST /repos/{owner}/{repo}/git/trees", {
      ...o(r),
      base_tree: baseTree,
      tree: [{ path, mode: "100644", type: "blob", content }]
    })).data.sha,
    createCommit: async (r, message, tree, parents) => (await req("POST /repos/{owner}/{repo}/git/commits", { ...o(r), message, tree, parents })).data.sha,
    content: (r, path, ref) => orUndefined(
      req("GET /repos/{owner}/{repo}/contents/{path}", {
        ...o(r),
        path,
        ...ref === void 0 ? {} : { ref }
      }).then(({ data }) => {
        if (Array.isArray(data)) return "dir";
        if (data.type !== "file" || !("content" in data)) return void 0;
        if (data.encoding !== "base64") {
          throw new Error(`${path}: served with encoding ${data.encoding} (too large?)`);
        }
        return Buffer.from(data.content, "base64").toString("utf8");
      }),
      [404]
    ),
    openPull: async (r, head, base) => {
      const { data } = await req("GET /repos/{owner}/{repo}/pulls", {
        ...o(r),
        state: "open",
        head,
        base,
        per_page: 100
      });
      return data.length === 0 ? void 0 : pullInfo(data[0]);
    },
    createPull: async (r, p) => pullInfo((await req("POST /repos/{owner}/{repo}/pulls", { ...o(r), ...p })).data),
    updatePull: async (r, num, p) => pullInfo(
      (await req("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...o(r),
        pull_number: num,
        ...p
      })).data
    )
  };
}

// src/github/registry-steps.ts
import { setTimeout as sleep } from "node:timers/promises";
var TOKEN_HELP = "The default GITHUB_TOKEN cannot fork or open pull requests on another repository: put a personal access token in registry-token (classic: the public_repo scope; fine-grained: Contents and Pull requests read and write)";
var FORK_POLLS = 12;
function failure(e, what) {
  if (e instanceof ReleaseError) return e;
  const d = apiErrorDetails(e);
  if (d.status === 401) {
    return new ReleaseError(
      "AUTH",
      `${what}: GitHub rejected the token (401 ${d.message}). Pass a valid personal access token in registry-token`,
      { cause: e }
    );
  }
  if (d.status === 403 && !/rate limit/i.test(d.message)) {
    return new ReleaseError("AUTH", `${what}: ${d.message} (403). ${TOKEN_HELP}`, { cause: e });
  }
  const status2 = d.status === void 0 ? "network error" : String(d.status);
  return new ReleaseError("PULL_REQUEST", `${what}: ${status2} ${d.message}`, { cause: e });
}
async function step(what, fn) {
  try {
    return await fn();
  } catch (e) {
    throw failure(e, what);
  }
}
var full = (r) => `${r.owner}/${r.name}`;
async function readyFork(api, upstream, retry, log) {
  const fork = await step(`fork ${full(upstream)}`, () => api.fork(upstream));
  log(`registry: using the fork ${full(fork)}`);
  let waited = 0;
  for (let i = 0; ; i++) {
    const info = await step(`read ${full(fork)}`, () => api.getRepo(fork));
    const head = info && await step(`read ${full(fork)}`, () => api.branchSha(fork, info.defaultBranch));
    if (head !== void 0) return fork;
    if (i + 1 >= FORK_POLLS) {
      throw new ReleaseError(
        "PULL_REQUEST",
        `the fork ${full(fork)} is not ready after ${Math.round(waited / 1e3)}s (GitHub creates forks asynchronously): rerun the job in a few minutes`
      );
    }
    const wait = Math.min(retry.baseMs * 2 ** i, retry.baseMs * 10);
    waited += wait;
    await sleep(wait);
  }
}
async function entryPath(api, repo, baseSha, dirs, fileName) {
  const clean = dirs.map((d) => d.replace(/^\/+|\/+$/g, ""));
  let chosen = clean.at(-1) ?? "";
  for (const dir of clean.slice(0, -1)) {
    const found = await step(
      `look for ${dir}/ in ${full(repo)}`,
      () => api.content(repo, dir, baseSha)
    );
    if (found === "dir") {
      chosen = dir;
      break;
    }
  }
  return chosen === "" ? fileName : `${chosen}/${fileName}`;
}

// src/github/pull-request.ts
function apiFor(apiUrl, token, retry, log) {
  return createRegistryApi({ token, apiUrl, retry, onRetry: (m) => log?.(`github: ${m}`) });
}
async function readRepoFile(apiUrl, token, repo, path, ref) {
  const api = apiFor(apiUrl, token, retryPolicyFromEnv(process.env));
  const at = ref === void 0 ? "" : ` at ${ref}`;
  const found = await step(
    `read ${path}${at} in ${full(repo)}`,
    () => api.content(repo, path, ref)
  );
  return found === "dir" ? void 0 : found;
}
async function openRegistryPullRequest(req) {
  const log = req.log ?? (() => {
  });
  if (req.token === "") {
    throw new ReleaseError(
      "AUTH",
      `no registry-token to open the registry pull request. ${TOKEN_HELP}`
    );
  }
  if (req.dirCandidates.length === 0) {
    throw new ReleaseError("PULL_REQUEST", "no folder given for the registry entry");
  }
  const retry = retryPolicyFromEnv(process.env);
  const api = apiFor(req.apiUrl, req.token, retry, log);
  const upstream = req.repo;
  const name = full(upstream);
  const repo = await step(`read ${name}`, () => api.getRepo(upstream));
  if (!repo) {
    throw new ReleaseError(
      "PULL_REQUEST",
      `the registry repository ${name} does not exist or registry-token cannot see it: check registry-repo`
    );
  }
  const base = repo.defaultBranch;
  const baseSha = await step(`read ${name}@${base}`, () => api.branchSha(upstream, base));
  if (baseSha === void 0) {
    throw new ReleaseError("PULL_REQUEST", `${name} has no commit on its default branch ${base}`);
  }
  const path = await entryPath(api, upstream, baseSha, req.dirCandidates, req.fileName);
  const onBase = await step(`read ${path} in ${name}`, () => api.content(upstream, path, baseSha));
  if (onBase === req.content) {
    log(`registry: ${path} on ${name}@${base} already has this content; no pull request needed`);
    return { action: "already-on-base", path };
  }
  if (onBase === "dir") {
    throw new ReleaseError("PULL_REQUEST", `${path} is a folder in ${name}, not a file`);
  }
  const head = repo.push ? upstream : await readyFork(api, upstream, retry, log);
  const rewritten = await commitOnBase(api, req, head, upstream, baseSha, path);
  const label = `${head.owner}:${req.branch}`;
  const open = await step(
    `list pull requests of ${name}`,
    () => api.openPull(upstream, label, base)
  );
  if (open) return updatePull(api, req, upstream, open, rewritten, path);
  try {
    const pull = await api.createPull(upstream, {
      title: req.title,
      head: label,
      base,
      body: req.body,
      ...head === upstream ? {} : { maintainer_can_modify: true }
    });
    log(`registry: opened ${pull.url}`);
    return { action: "opened", url: pull.url, number: pull.number, path };
  } catch (e) {
    const raced = apiErrorDetails(e).message.includes("already exists");
    const again = raced ? await api.openPull(upstream, label, base).catch(() => void 0) : void 0;
    if (again) return updatePull(api, req, upstream, again, true, path);
    throw failure(e, `open a pull request on ${name} from ${label}`);
  }
}
async function commitOnBase(api, req, head, upstream, baseSha, path) {
  const where = `${full(head)}@${req.branch}`;
  const baseCommit = await step(
    `read ${full(upstream)}@${baseSha}`,
    () => api.commit(upstream, baseSha)
  );
  const tree = await step(
    `write ${path} to ${full(head)}`,
    () => api.treeWithFile(head, baseCommit.tree, path, req.content)
  );
  const current = await step(`read ${where}`, () => api.branchSha(head, req.branch));
  if (current !== void 0) {
    const c = await step(`read ${where}`, () => api.commit(head, current));
    if (c.tree === tree && c.parents.length === 1 && c.parents[0] === baseSha) return false;
  }
  const sha = await step(
    `commit ${path} to ${full(head)}`,
    () => api.createCommit(head, req.commitMessage, tree, [baseSha])
  );
  await step(`move ${where} to ${sha}`, async () => {
    if (current !== void 0) return api.forceBranch(head, req.branch, sha);
    try {
      await api.createBranch(head, req.branch, sha);
    } catch (e) {
      if (!apiErrorDetails(e).message.includes("Reference already exists")) throw e;
      await api.forceBranch(head, req.branch, sha);
    }
  });
  req.log?.(`registry: ${where} is now ${sha}`);
  return true;
}
async function updatePull(api, req, upstream, open, rewritten, path) {
  const same = open.title === req.title && (open.body ?? "") === req.body;
  if (same && !rewritten) {
    req.log?.(`registry: ${open.url} is up to date`);
    return { action: "unchanged", url: open.url, number: open.number, path };
  }
  const pull = same ? open : await step(
    `update pull request #${open.number} of ${full(upstream)}`,
    () => api.updatePull(upstream, open.number, { title: req.title, body: req.body })
  );
  req.log?.(`registry: updated ${pull.url}`);
  return { action: "updated", url: pull.url, number: pull.number, path };
}

export {
  readRepoFile,
  openRegistryPullRequest
};
