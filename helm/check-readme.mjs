// Keeps helm/cdsbone/README.md, values.yaml and values.schema.json in step: every value (a top-level key, or each key
// of a top-level map) has a row in the README's values table and a schema property, and every row names a real value.
// Run with the npm package yaml on the module path: node check-readme.mjs CHART_DIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const chart = process.argv[2] ?? "helm/cdsbone";
const values = parse(readFileSync(join(chart, "values.yaml"), "utf8"));
const schema = JSON.parse(readFileSync(join(chart, "values.schema.json"), "utf8"));
const readme = readFileSync(join(chart, "README.md"), "utf8");

const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const keys = [];
for (const [key, value] of Object.entries(values)) {
  if (isMap(value) && Object.keys(value).length > 0) {
    for (const child of Object.keys(value)) keys.push(`${key}.${child}`);
  } else {
    keys.push(key);
  }
}
const rows = new Set([...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
const inSchema = (key) => {
  const [top, child] = key.split(".");
  const node = schema.properties?.[top];
  if (!node) return false;
  if (!child) return true;
  return Boolean(node.properties?.[child] || node.additionalProperties === undefined || node.additionalProperties === true || typeof node.additionalProperties === "object");
};

let problems = 0;
for (const key of keys) {
  if (!rows.has(key)) { problems++; console.error(`README.md has no row for ${key}`); }
  if (!inSchema(key)) { problems++; console.error(`values.schema.json does not describe ${key}`); }
}
for (const row of rows) {
  if (!keys.includes(row)) { problems++; console.error(`README.md documents ${row}, which values.yaml does not have`); }
}
console.log(`${keys.length} values, ${rows.size} README rows, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
