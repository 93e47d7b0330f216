#!/usr/bin/env node
// Build docs/measures.md from the per-area files in docs/measures/ (one per domain, written by the
// people who own that domain) so that the single document the issues name stays complete.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const dir = new URL("../docs/measures/", import.meta.url);
const order = [
  "alignment",
  "dependence",
  "multilateralism",
  "relations",
  "hedging",
  "scorecard",
  "network",
  "corridors",
];
const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
files.sort((a, b) => {
  const ia = order.indexOf(a.replace(/\.md$/, ""));
  const ib = order.indexOf(b.replace(/\.md$/, ""));
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
});
const parts = files.map((f) => readFileSync(new URL(f, dir), "utf8").trim());
const head = `# ANA measures

Every measure ANA computes: its formula, its reference, and its status — **established** (from
the literature, implemented as published) or **ANA proposal** (defined here for this project).
This file is generated from \`docs/measures/*.md\` by \`node scripts/build-docs.js\`; edit those.

${files.map((f) => `- [${f.replace(/\.md$/, "")}](measures/${f})`).join("\n")}
`;
const out = `${head}\n${parts.join("\n\n---\n\n")}\n`;
if (process.argv.includes("--check")) {
  const current = readFileSync(new URL("../docs/measures.md", import.meta.url), "utf8");
  if (current !== out) {
    console.error("docs/measures.md is out of date: run `node scripts/build-docs.js`");
    process.exit(1);
  }
} else writeFileSync(new URL("../docs/measures.md", import.meta.url), out);
