import assert from "node:assert/strict";
import { test } from "node:test";
import {
  coversDate,
  coversYear,
  dateEnd,
  datePrecision,
  dateStart,
} from "../../src/model/partial-date.ts";

test("datePrecision tells day, month and year dates apart", () => {
  assert.equal(datePrecision("2024-12-25"), "day");
  assert.equal(datePrecision("2011-05"), "month");
  assert.equal(datePrecision("2011"), "year");
});

test("datePrecision rejects impossible calendar dates and other text", () => {
  for (const bad of [
    "2023-02-29",
    "2024-13",
    "2024-00",
    "2024-04-31",
    "24-01-01",
    "2024/01/01",
    "",
    "AZE",
    "2024-1-5",
  ]) {
    assert.equal(datePrecision(bad), undefined, bad);
  }
  assert.equal(datePrecision("2024-02-29"), "day");
});

test("dateStart and dateEnd span the period a partial date covers", () => {
  assert.equal(dateStart("2011-05"), "2011-05-01");
  assert.equal(dateEnd("2011-05"), "2011-05-31");
  assert.equal(dateEnd("2024-02"), "2024-02-29");
  assert.equal(dateStart("2020"), "2020-01-01");
  assert.equal(dateEnd("2020"), "2020-12-31");
  assert.equal(dateEnd("2020-09-27"), "2020-09-27");
});

test("coversDate and coversYear treat a missing end as still running", () => {
  assert.ok(coversDate("2011-05", undefined, "2030-01-01"));
  assert.ok(!coversDate("2011-05", undefined, "2011-04-30"));
  assert.ok(coversDate(undefined, "2025-12", "2025-12-31"));
  assert.ok(!coversDate(undefined, "2025-12", "2026-01-01"));
  assert.ok(coversYear("2016-03-14", "2025", 2016));
  assert.ok(!coversYear("2016-03-14", "2025", 2026));
});
