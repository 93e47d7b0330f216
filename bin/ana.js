#!/usr/bin/env node
// The `ana` command. Sources are TypeScript run through tsx's loader, so there is no build step
// between a clone and a working CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
