import type { OpenApiParameter } from "../server/openapi.ts";
import type { HttpSpec, Operation } from "./define.ts";
import type { AnyParam } from "./params.ts";

/** The OpenAPI schema of one parameter. */
export function openApiSchema(prm: AnyParam, body = false): Record<string, unknown> {
  const s = prm.spec;
  const base: Record<string, unknown> = (() => {
    switch (s.kind) {
      case "code":
        return { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]{1,11}$" };
      case "codes":
        return body
          ? { type: "array", items: { type: "string" } }
          : { type: "string", description: "comma-separated actor codes such as RUS,USA" };
      case "year":
        return { type: "integer", minimum: 1800, maximum: 2100 };
      case "date":
        return { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
      case "enum":
        return { type: "string", enum: [...(s.values ?? [])] };
      case "enums":
        return {
          type: "string",
          description: `comma-separated, each one of ${(s.values ?? []).join(", ")}`,
        };
      case "flag":
        return { type: "boolean" };
      case "number":
        return { type: "number" };
      case "scenario":
        return { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,40}$" };
      default:
        return { type: "string" };
    }
  })();
  if (s.default !== undefined) base.default = s.default;
  return base;
}

function served(op: Operation): [string, AnyParam][] {
  return Object.entries(op.params).filter(([, prm]) => !prm.spec.localOnly);
}

const describeParam = (prm: AnyParam) =>
  prm.spec.defaultNote ? `${prm.spec.help} (default: ${prm.spec.defaultNote})` : prm.spec.help;

/** The query parameters of an operation's GET route, for OpenAPI. */
export function openApiParameters(op: Operation, http: HttpSpec): OpenApiParameter[] {
  const aliases = Object.entries(http.aliases ?? {}).map(([alias, key]) => ({
    name: alias,
    in: "query" as const,
    required: false,
    schema: openApiSchema(op.params[key]),
    description: `another name for ${key}`,
  }));
  const aliased = new Set(Object.values(http.aliases ?? {}));
  return served(op)
    .map(([name, prm]) => ({
      name,
      in: "query" as const,
      required: prm.spec.required && !aliased.has(name),
      schema: openApiSchema(prm),
      description: describeParam(prm),
    }))
    .concat(aliases);
}

/** The JSON body of an operation's POST route (or job), for OpenAPI. */
export function openApiBody(op: Operation, http?: HttpSpec): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const required: string[] = [];
  const names = new Map(Object.entries(http?.aliases ?? {}).map(([a, k]) => [k, a]));
  for (const [name, prm] of served(op)) {
    const key = names.get(name) ?? name;
    props[key] = { ...openApiSchema(prm, true), description: describeParam(prm) };
    if (prm.spec.required) required.push(key);
  }
  return { type: "object", properties: props, required };
}
