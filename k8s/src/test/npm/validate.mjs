// Validates manifests with the validators the @kubernetes-models packages ship (their CRD schemas compiled by ajv),
// and refuses unknown fields, which those schemas leave open: the compiled code reads every property its schema
// declares (`data.spec`, `data.minReplicaCount`...) and enumerates the keys of an object only where the schema allows
// any (a map, additionalProperties). So each object is watched through a Proxy: a key that was never read, in an
// object that was read by name and never enumerated, is a field the schema does not have.
//
// stdin: [{"module": "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject", "kind": "ScaledObject", "manifest": {...}}]
// stdout: [[{"path": "spec.triggers[0].nam", "reason": "unknown field"}], ...], one list per manifest, in order.
import { readFileSync } from "node:fs";

function pathOf(parent, key, isIndex) {
  return isIndex ? `${parent}[${key}]` : parent === "" ? key : `${parent}.${key}`;
}

function watched(value, path, objects) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const seen = { path, keys: Array.isArray(value) ? [] : Object.keys(value), read: new Set(), enumerated: false };
  objects.push(seen);
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string") {
        return child;
      }
      seen.read.add(key); // also a declared property the manifest leaves out: the schema names it
      return !Object.hasOwn(target, key) ? child : watched(child, pathOf(path, key, Array.isArray(target)), objects);
    },
    ownKeys(target) {
      seen.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

async function problems({ module, kind, manifest }) {
  const model = (await import(module))[kind];
  if (typeof model?.prototype?.validate !== "function") {
    return [{ path: "", reason: `${module} has no model ${kind}` }];
  }
  const objects = [];
  const found = [];
  try {
    model.prototype.validate.call(watched(manifest, "", objects));
  } catch (e) {
    for (const error of e.errors ?? [{ instancePath: "", message: String(e.message ?? e) }]) {
      const path = error.instancePath.split("/").slice(1).map(decodeURIComponent)
        .reduce((p, k) => pathOf(p, k, /^\d+$/.test(k)), "");
      found.push({ path, reason: `${error.message}${error.params ? " " + JSON.stringify(error.params) : ""}` });
    }
  }
  for (const o of objects) {
    if (o.enumerated || o.read.size === 0) {
      continue; // a map, or an object its schema leaves free
    }
    for (const key of o.keys.filter((k) => !o.read.has(k))) {
      found.push({ path: pathOf(o.path, key, false), reason: "unknown field (not in the schema)" });
    }
  }
  return found;
}

const requests = JSON.parse(readFileSync(0, "utf8"));
const answers = [];
for (const request of requests) {
  answers.push(await problems(request));
}
process.stdout.write(JSON.stringify(answers));
