import assert from "node:assert/strict";
import { hostname, networkInterfaces } from "node:os";
import { test } from "node:test";
import { allowedHosts, bareHost } from "../../src/server/guard.ts";

test("bareHost strips ports and IPv6 brackets and lower-cases", () => {
  assert.equal(bareHost("LocalHost:8080"), "localhost");
  assert.equal(bareHost("[::1]:8080"), "::1");
  assert.equal(bareHost("[::1]"), "::1");
  assert.equal(bareHost("::1"), "::1");
  assert.equal(bareHost("127.0.0.1"), "127.0.0.1");
  assert.equal(bareHost("evil.example:80"), "evil.example");
});

test("allowedHosts: loopback names and --host; bound to every interface, also the machine's own names", () => {
  const loop = allowedHosts("127.0.0.1");
  assert.deepEqual([...loop].sort(), ["127.0.0.1", "::1", "localhost"]);
  assert.ok(allowedHosts("ana.lan", ["proxy.example"]).has("proxy.example"));
  assert.ok(allowedHosts("ana.lan").has("ana.lan"));
  const all = allowedHosts("0.0.0.0");
  assert.ok(all.has(hostname().toLowerCase()));
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) assert.ok(all.has(a.address.toLowerCase()), a.address);
  assert.ok(!all.has("evil.example"));
});
