import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { isCalendarDate, p } from "../../src/ops/params.ts";
import { provideZod } from "../../src/ops/zod.ts";

provideZod(z);

test("isCalendarDate agrees with the Gregorian calendar (checked against Date.UTC) for every day-of-month 1896–2104", () => {
  for (let y = 1896; y <= 2104; y++)
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= 31; d++) {
        const s = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        // Independent: a day exists when Date.UTC does not roll it into the next month.
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
        assert.equal(isCalendarDate(s), exists, s);
      }
  assert.equal(isCalendarDate("2024-02"), true);
  assert.equal(isCalendarDate("2024"), true);
  assert.equal(isCalendarDate("2024-13"), false);
  assert.equal(isCalendarDate("2024-00"), false);
});

test("number parameters take decimal text only: empty, blank, hex, binary and octal strings are refused", () => {
  const n = p.number("n").zod;
  for (const ok of ["12", "-3", "0.5", ".5", "1e3", "+7"])
    assert.equal(n.safeParse(ok).success, true, ok);
  assert.equal(n.parse("1e3"), 1000);
  for (const bad of ["", " ", "0x10", "0b11", "0o17", "1_000", "Infinity", "NaN", "12abc"])
    assert.equal(n.safeParse(bad).success, false, JSON.stringify(bad));
});
