// Build data/networks/eurasia/sea-geometry.geojson: the sea links' paths over the MARNET sea
// network (searoute-py's marnet_searoute.geojson, Apache-2.0; upstream Eurostat searoute,
// EUPL-1.2), for the dashboard map and as a derived length.
// Usage: npx tsx scripts/corridor-sea-geometry.ts /path/to/searoute_marnet.geojson
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadNetwork } from "../src/corridor/load-network.ts";

type Pt = [number, number];
const src = process.argv[2] ?? "/work/shared/data/geo/searoute_marnet.geojson";
const marnet = JSON.parse(readFileSync(src, "utf8")) as {
  features: {
    properties: { passage?: string };
    geometry: { type: string; coordinates: unknown };
  }[];
};

const R = 6371.0088;
function km(a: Pt, b: Pt): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
// Longitudes beyond 180 in MARNET wrap the date line; normalise for keys and distances.
const norm = (p: Pt): Pt => [((((p[0] + 180) % 360) + 360) % 360) - 180, p[1]];
const key = (p: Pt) => `${norm(p)[0].toFixed(4)},${p[1].toFixed(4)}`;

function graph(excluded: Set<string>) {
  const adj = new Map<string, { to: string; w: number }[]>();
  const coord = new Map<string, Pt>();
  for (const f of marnet.features) {
    if (f.properties.passage && excluded.has(f.properties.passage)) continue;
    const parts = (
      f.geometry.type === "MultiLineString" ? f.geometry.coordinates : [f.geometry.coordinates]
    ) as Pt[][];
    for (const c of parts)
      for (let i = 1; i < c.length; i++) {
        const a = key(c[i - 1]);
        const b = key(c[i]);
        coord.set(a, norm(c[i - 1]));
        coord.set(b, norm(c[i]));
        const w = km(norm(c[i - 1]), norm(c[i]));
        (adj.get(a) ?? adj.set(a, []).get(a)!).push({ to: b, w });
        (adj.get(b) ?? adj.set(b, []).get(b)!).push({ to: a, w });
      }
  }
  return { adj, coord };
}

function route(from: Pt, to: Pt, excluded: Set<string>): { path: Pt[]; km: number } {
  const { adj, coord } = graph(excluded);
  const nearest = (p: Pt) => {
    let best = "";
    let d = Infinity;
    for (const [k, c] of coord) {
      const x = km(p, c);
      if (x < d) {
        d = x;
        best = k;
      }
    }
    return best;
  };
  const s = nearest(from);
  const t = nearest(to);
  const dist = new Map<string, number>([[s, 0]]);
  const prev = new Map<string, string>();
  const done = new Set<string>();
  // Simple O(V^2)-ish Dijkstra with a sorted frontier; the graph has a few thousand vertices.
  const frontier = new Set<string>([s]);
  while (frontier.size > 0) {
    let u = "";
    let du = Infinity;
    for (const k of frontier) {
      const d = dist.get(k)!;
      if (d < du) {
        du = d;
        u = k;
      }
    }
    frontier.delete(u);
    if (u === t) break;
    done.add(u);
    for (const e of adj.get(u) ?? []) {
      if (done.has(e.to)) continue;
      const nd = du + e.w;
      if (nd < (dist.get(e.to) ?? Infinity)) {
        dist.set(e.to, nd);
        prev.set(e.to, u);
        frontier.add(e.to);
      }
    }
  }
  const path: Pt[] = [];
  for (let k: string | undefined = t; k; k = prev.get(k)) path.unshift(coord.get(k)!);
  return {
    path: [from, ...path, to],
    km: dist.get(t)! + km(from, coord.get(s)!) + km(coord.get(t)!, to),
  };
}

const net = loadNetwork();
const nodes = new Map(net.nodes.map((n) => [n.id, n]));
const arctic = ["northwest", "northeast", "bering", "chili", "panama"];
const rules: Record<string, string[]> = {
  "SEA-SUEZ": [...arctic, "south_africa"],
  "SEA-CAPE": [...arctic, "suez", "babalmandab"],
};
const features = [];
for (const [id, excluded] of Object.entries(rules)) {
  const l = net.links.find((x) => x.id === id)!;
  const a = nodes.get(l.from)!;
  const b = nodes.get(l.to)!;
  const r = route([a.lon, a.lat], [b.lon, b.lat], new Set(excluded));
  features.push({
    type: "Feature",
    properties: {
      link: id,
      length_km: Math.round(r.km),
      source:
        "derived: shortest path on searoute-py marnet_searoute.geojson (Apache-2.0; Eurostat searoute EUPL-1.2)",
      excluded_passages: excluded.join(";"),
    },
    geometry: {
      type: "LineString",
      coordinates: r.path.map(([x, y]) => [Number(x.toFixed(3)), Number(y.toFixed(3))]),
    },
  });
  console.log(id, Math.round(r.km), "km", r.path.length, "points");
}
const out = fileURLToPath(
  new URL("../data/networks/eurasia/sea-geometry.geojson", import.meta.url),
);
writeFileSync(out, `${JSON.stringify({ type: "FeatureCollection", features })}\n`);
