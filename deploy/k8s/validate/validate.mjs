// node deploy/k8s/validate/validate.mjs [FOLDER|FILE]...   (default: deploy/k8s)
// Every manifest document is checked against the JSON schema of its apiVersion and kind:
// Kubernetes' own (kubernetes-models, generated from the API's OpenAPI definitions) and KEDA's
// CRDs (@kubernetes-models/keda), all bundled in the npm packages, so no network is needed.
// Like kubeconform without -strict, types, enums and required fields are checked; an unknown
// field is not (the C# spec K8sManifestSpecs checks the properties that matter by name).
// A kind without a schema here fails, so nothing passes unchecked. Kustomization files are
// checked for resources that exist. Exit 0 when every document is valid.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname, resolve, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};

function manifests(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).filter((n) => n !== "node_modules" && n !== "validate").flatMap((n) => manifests(join(path, n)));
  }
  return /\.ya?ml$/.test(path) ? [path] : [];
}

const roots = process.argv.length > 2 ? process.argv.slice(2) : [resolve(here, "..")];
let failures = 0;
let checked = 0;
for (const file of roots.flatMap((r) => manifests(resolve(r)))) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const fail = (message) => { failures++; console.log(`FAIL ${file}: ${message}`); };
    if (doc.errors.length) { fail(doc.errors.map((e) => e.message).join("; ")); continue; }
    const object = doc.toJS();
    if (object === null) continue;
    const { apiVersion, kind } = object;
    if (apiVersion === "kustomize.config.k8s.io/v1beta1") {
      for (const resource of object.resources ?? []) {
        if (!existsSync(join(dirname(file), resource))) fail(`resource ${resource} does not exist`);
      }
      checked++;
      continue;
    }
    const name = `${kind} ${object.metadata?.name ?? "(no name)"}`;
    if (!modules[apiVersion]) { fail(`${name}: no schema for apiVersion ${apiVersion}`); continue; }
    const model = (await import(modules[apiVersion]))[kind];
    if (!model) { fail(`${name}: no schema for kind ${kind} in ${apiVersion}`); continue; }
    try {
      new model(object).validate();
      checked++;
      console.log(`ok   ${basename(file)}: ${apiVersion} ${name}`);
    } catch (e) {
      fail(`${name}: ${e.message}`);
    }
  }
}
console.log(`k8s manifests: ${checked} valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
