import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/net/proxy.ts
function variable(env, name) {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v === void 0 || v.trim() === "" ? void 0 : v.trim();
}
var bare = (host) => host.replace(/^\[|\]$/g, "").toLowerCase();
function bypassed(url, noProxy) {
  const host = bare(url.hostname);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return noProxy.split(/[\s,]+/).filter((e) => e !== "").some((entry) => {
    if (entry === "*") return true;
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    const [name, onlyPort] = m ? [m[1], m[2]] : [entry, void 0];
    if (onlyPort !== void 0 && onlyPort !== port) return false;
    const want = bare(name).replace(/^\*?\./, "");
    if (/^[\d.]+$|:/.test(want)) return host === want;
    return host === want || host.endsWith(`.${want}`);
  });
}
function proxyFor(url, env) {
  const target = typeof url === "string" ? new URL(url) : url;
  const raw = variable(env, target.protocol === "https:" ? "https_proxy" : "http_proxy");
  if (raw === void 0) return void 0;
  if (bypassed(target, variable(env, "no_proxy") ?? "")) return void 0;
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
}
function anyProxy(env) {
  return variable(env, "https_proxy") !== void 0 || variable(env, "http_proxy") !== void 0;
}
async function routingDispatcher(env) {
  const undici = (await import("./undici-lazy-GCFMVSEF.js")).default;
  const direct = new undici.Agent();
  const tunnels = /* @__PURE__ */ new Map();
  const pick = (origin) => {
    const proxy = proxyFor(origin, env);
    if (proxy === void 0) return direct;
    let agent = tunnels.get(proxy.href);
    if (agent === void 0) {
      agent = new undici.ProxyAgent(proxy.href);
      tunnels.set(proxy.href, agent);
    }
    return agent;
  };
  class Routing extends undici.Dispatcher {
    dispatch(options, handler) {
      return pick(String(options.origin)).dispatch(options, handler);
    }
    async close() {
      await Promise.all([direct, ...tunnels.values()].map((d) => d.close()));
    }
    async destroy() {
      await Promise.all([direct, ...tunnels.values()].map((d) => d.destroy()));
    }
  }
  return { dispatcher: new Routing(), fetch: undici.fetch };
}
function proxyFetch(env) {
  if (!anyProxy(env)) return globalThis.fetch;
  let routed;
  return (async (input, init) => {
    routed ??= routingDispatcher(env);
    const { dispatcher, fetch: undiciFetch } = await routed;
    return undiciFetch(input, {
      ...init,
      dispatcher
    });
  });
}
var agents = /* @__PURE__ */ new Map();
async function proxyAgent(url, env) {
  const proxy = proxyFor(url, env);
  if (proxy === void 0) return void 0;
  let agent = agents.get(proxy.href);
  if (agent === void 0) {
    const { HttpsProxyAgent } = await import("./dist-K22PJFEL.js");
    agent = new HttpsProxyAgent(proxy.href);
    agents.set(proxy.href, agent);
  }
  return agent;
}

export {
  proxyFor,
  proxyFetch,
  proxyAgent
};
