// Built from src/index.js by build.mjs.
/**
 * Hello PRYZM: the editor imports the manifest's `main` (build/index.js) inside its plugin
 * sandbox and calls the default export for the lifecycle hooks. The panel and the command are
 * declared in plugin.manifest.json; everything the plugin reads goes through ctx.hosts.
 */
export default function helloPryzm() {
  let version = null;
  return {
    onActivate(ctx) {
      version = ctx.manifest.version;
    },
    onUpdate(previous, next) {
      version = next;
      return previous;
    },
    onDeactivate() {
      version = null;
      return version;
    },
  };
}
