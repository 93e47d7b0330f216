import { attachPanel } from "./attach-panel.ts";
import { createEventSchema } from "./event-schema.ts";
import type { Store } from "./store.ts";

/** Tables for scenarios. Every row keeps its `source`; missing values are NULL, never 0. */
const SCENARIO_TABLES = `
CREATE TABLE IF NOT EXISTS scenarios (id VARCHAR PRIMARY KEY, name VARCHAR, focal VARCHAR, dir VARCHAR, date_from VARCHAR, date_to VARCHAR, loaded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS actors (scenario VARCHAR, id VARCHAR, kind VARCHAR, name VARCHAR, cow INTEGER, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS memberships (scenario VARCHAR, actor VARCHAR, organisation VARCHAR, status VARCHAR, date_from VARCHAR, date_to VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS poles (scenario VARCHAR, pole VARCHAR, name VARCHAR, actor VARCHAR, date_from VARCHAR, date_to VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS rivalries (scenario VARCHAR, a VARCHAR, b VARCHAR, date_from VARCHAR, date_to VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS levels (scenario VARCHAR, focal VARCHAR, partner VARCHAR, level VARCHAR, date_from VARCHAR, date_to VARCHAR, basis VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS ties (scenario VARCHAR, a VARCHAR, b VARCHAR, domain VARCHAR, sign INTEGER, strength DOUBLE, date_from VARCHAR, date_to VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS events (scenario VARCHAR, id VARCHAR, date VARCHAR, date_precision VARCHAR, date_start DATE, actors VARCHAR[], initiator VARCHAR, target VARCHAR[], title VARCHAR, domain VARCHAR, cameo_root VARCHAR, cameo_code VARCHAR, goldstein DOUBLE, level VARCHAR, source VARCHAR, source_title VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS flows (scenario VARCHAR, year INTEGER, domain VARCHAR, src VARCHAR, dst VARCHAR, value DOUBLE, unit VARCHAR, period VARCHAR, source VARCHAR, notes VARCHAR);
CREATE TABLE IF NOT EXISTS projects (scenario VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, route VARCHAR[], links VARCHAR[], capacity DOUBLE, capacity_unit VARCHAR, status VARCHAR, date_from VARCHAR, date_to VARCHAR, source VARCHAR, notes VARCHAR);
`;

/** Create the store's tables (idempotent) and attach the shipped reference panel as views. */
export async function createSchema(store: Store): Promise<void> {
  await store.run(SCENARIO_TABLES);
  await createEventSchema(store);
  await attachPanel(store);
}
