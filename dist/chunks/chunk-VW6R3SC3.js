import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  Octokit,
  translateApiError
} from "./chunk-LKDYQQD6.js";
import {
  retryPolicyFromEnv,
  withRetry
} from "./chunk-V4QKBR5Y.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION;

// src/github/octokit.ts
import { Readable } from "node:stream";

// src/github/upload.ts
import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
var UploadHttpError = class extends Error {
  status;
  response;
  constructor(status, headers, data) {
    const message = typeof data === "object" && data !== null && "message" in data ? String(data.message) : `HTTP ${status}`;
    super(message);
    this.name = "UploadHttpError";
    this.status = status;
    this.response = { headers, data };
  }
};
var IDLE_TIMEOUT_MS = 5 * 6e4;
var CHUNK = 256 * 1024;
async function writeBody(req, file) {
  const fh = await fs.open(file, "r");
  const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  const flushed = [Promise.resolve(), Promise.resolve()];
  try {
    for (let i = 0; ; i ^= 1) {
      await flushed[i];
      const { bytesRead } = await fh.read(bufs[i], 0, CHUNK, null);
      if (bytesRead === 0) break;
      flushed[i] = new Promise((resolve, reject) => {
        req.write(bufs[i].subarray(0, bytesRead), (err) => err ? reject(err) : resolve());
      });
    }
    await Promise.all(flushed);
  } finally {
    await fh.close();
  }
  req.end();
}
async function streamUpload(url, headers, src) {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, {
      method: "POST",
      headers: { ...headers, "content-type": src.contentType, "content-length": String(src.size) }
    });
    req.setTimeout(
      IDLE_TIMEOUT_MS,
      () => req.destroy(Object.assign(new Error("upload timed out"), { code: "ETIMEDOUT" }))
    );
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let data = text;
        try {
          data = JSON.parse(text);
        } catch {
        }
        const status = res.statusCode ?? 0;
        const h = {};
        for (const [k, v] of Object.entries(res.headers))
          h[k] = Array.isArray(v) ? v.join(", ") : v;
        if (status >= 200 && status < 300) resolve(data);
        else reject(new UploadHttpError(status, h, data));
      });
    });
    req.on("error", reject);
    writeBody(req, src.path).catch((e) => {
      setTimeout(() => reject(e), 1e3).unref();
    });
  });
}

// src/github/octokit.ts
var USER_AGENT = "plugin-release-action";
var Octokit2 = Octokit.plugin(paginateRest);
function expandUploadUrl(template, name) {
  const base = template.replace(/\{[^}]*\}$/, "");
  return `${base}?name=${encodeURIComponent(name)}`;
}
function createReleaseApi(opts) {
  const octokit = new Octokit2({
    auth: opts.token === "" ? void 0 : opts.token,
    baseUrl: opts.apiUrl,
    userAgent: USER_AGENT,
    log: { debug() {
    }, info() {
    }, warn() {
    }, error() {
    } }
  });
  let count = 0;
  octokit.hook.wrap("request", async (request, options) => {
    const once = async () => {
      count++;
      return request(options);
    };
    return withRetry(
      opts.retry,
      once,
      (e, wait) => opts.onRetry?.(
        `${options.method} ${options.url}: ${e.message}; retrying in ${Math.round(wait / 1e3)}s`
      )
    );
  });
  const o = { owner: opts.owner, repo: opts.repo };
  const call = async (what, fn, url = opts.apiUrl) => {
    try {
      return await fn();
    } catch (e) {
      throw translateApiError(e, what, url);
    }
  };
  const notFound = (e) => e.status === 404;
  return {
    get requestCount() {
      return count;
    },
    listReleases: () => call(
      "list releases",
      () => octokit.paginate("GET /repos/{owner}/{repo}/releases", {
        ...o,
        per_page: 100
      })
    ),
    getReleaseByTag: (tag) => call(`get release ${tag}`, async () => {
      try {
        return (await octokit.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", { ...o, tag })).data;
      } catch (e) {
        if (notFound(e)) return void 0;
        throw e;
      }
    }),
    getLatestRelease: () => call("get latest release", async () => {
      try {
        return (await octokit.request("GET /repos/{owner}/{repo}/releases/latest", o)).data;
      } catch (e) {
        if (notFound(e)) return void 0;
        throw e;
      }
    }),
    createRelease: (p) => call(
      `create release ${p.tag_name}`,
      async () => (await octokit.request("POST /repos/{owner}/{repo}/releases", { ...o, ...p })).data
    ),
    updateRelease: (id, p) => call(
      `update release ${id}`,
      async () => (await octokit.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
        ...o,
        release_id: id,
        ...p
      })).data
    ),
    deleteRelease: (id) => call(
      `delete release ${id}`,
      async () => void await octokit.request("DELETE /repos/{owner}/{repo}/releases/{release_id}", {
        ...o,
        release_id: id
      })
    ),
    listAssets: (id) => call(
      `list assets of release ${id}`,
      () => octokit.paginate("GET /repos/{owner}/{repo}/releases/{release_id}/assets", {
        ...o,
        release_id: id,
        per_page: 100
      })
    ),
    uploadAsset: (release, name, src) => call(
      `upload ${name}`,
      async () => {
        count++;
        const headers = {
          accept: "application/vnd.github+json",
          "user-agent": USER_AGENT,
          "x-github-api-version": "2022-11-28"
        };
        if (opts.token !== "") headers.authorization = `token ${opts.token}`;
        return await streamUpload(
          expandUploadUrl(release.upload_url, name),
          headers,
          src
        );
      },
      release.upload_url
    ),
    renameAsset: (id, name) => call(
      `rename asset ${id} to ${name}`,
      async () => (await octokit.request("PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        ...o,
        asset_id: id,
        name
      })).data
    ),
    deleteAsset: (id) => call(
      `delete asset ${id}`,
      async () => void await octokit.request("DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        ...o,
        asset_id: id
      })
    ),
    downloadAsset: (id) => call(`download asset ${id}`, async () => {
      const res = await octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
        ...o,
        asset_id: id,
        headers: { accept: "application/octet-stream" },
        request: { redirect: "manual" }
      }).catch((e) => {
        if (e.status === 302 || e.status === 301 || e.status === 307)
          return { status: e.status, headers: e.response?.headers ?? {}, data: void 0 };
        throw e;
      });
      const location = res.headers.location;
      if (location === void 0)
        throw new ReleaseError("GITHUB_API", `download asset ${id}: no redirect location`);
      return downloadWithoutToken(location);
    }),
    generateNotes: (tag) => call(`generate notes for ${tag}`, async () => {
      const { data } = await octokit.request(
        "POST /repos/{owner}/{repo}/releases/generate-notes",
        { ...o, tag_name: tag }
      );
      return { name: data.name, body: data.body };
    }),
    getRepository: () => call("get repository", async () => {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}", o);
      const push = data.permissions?.push;
      return {
        private: data.private,
        fullName: data.full_name,
        ...typeof push === "boolean" ? { push } : {}
      };
    })
  };
}
async function downloadWithoutToken(url) {
  let res;
  try {
    res = await fetch(url, { redirect: "follow" });
  } catch (e) {
    throw translateApiError(e, `download ${new URL(url).pathname}`, url);
  }
  if (!res.ok || res.body === null)
    throw new ReleaseError(
      "GITHUB_API",
      `download ${new URL(url).pathname}: ${res.status} ${res.statusText}`
    );
  return Readable.fromWeb(res.body);
}

// src/github/client.ts
function releaseApiFor(config, reporter, opts) {
  if (config.repo === void 0) {
    throw new ReleaseError(
      "USAGE",
      "no repository: set GITHUB_REPOSITORY (the runner does) or pass repo: owner/name"
    );
  }
  if (config.token === "" && opts.needWrite && !config.dryRun) {
    throw new ReleaseError(
      "AUTH",
      "no token: pass token (the action defaults to ${{ github.token }}; the CLI reads GITHUB_TOKEN) with contents: write"
    );
  }
  return createReleaseApi({
    token: config.token,
    apiUrl: config.apiUrl,
    owner: config.repo.owner,
    repo: config.repo.name,
    retry: retryPolicyFromEnv(config.env),
    onRetry: (m) => reporter.info(`github: ${m}`)
  });
}

export {
  releaseApiFor
};
