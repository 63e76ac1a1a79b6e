/**
 * A local emulator of the Shopify Admin GraphQL API (SHOPIFY_API_VERSION), built from the REAL schema SDL.
 *
 * - Every incoming query is parsed and validated against the schema; invalid documents get GraphQL
 *   errors (HTTP 200), exactly like Shopify.
 * - Data comes from the demo store JSON (plain objects shaped like Admin API objects); a default
 *   field resolver reads them, connections apply first/last/after/before/reverse/sortKey.
 * - Honest platform behaviour: access token required (401), 60-day order window without the
 *   read_all_orders scope, calculated query cost with a leaky bucket (THROTTLED when exhausted,
 *   MAX_COST_EXCEEDED over the single-query limit), and failure injection for client tests.
 */
import http from "node:http";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import {
  buildSchema,
  execute,
  parse,
  validate,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isListType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  GraphQLError,
  type GraphQLSchema,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  type GraphQLOutputType,
  type GraphQLCompositeType,
  type SelectionSetNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from "graphql";
import { SHOPIFY_API_VERSION } from "../../../app/platforms/shopify/api-version";
import { createBulkRuntime, type BulkRuntime } from "./bulk";
import { defaultAdminSchemaPath, loadDemoShopifyStore, type DemoShopifyStore } from "./data";
import { DEMO_WRITE_TOKEN, MUTATION_RESOLVERS, WRITE_SCOPES } from "./mutations";
import { filterReturnReasonDefinitions } from "./return-reasons";

export const DEMO_SHOP = "demo-outfitters.myshopify.com";
/** Token with the scopes a freshly installed TrulyBot has (no read_all_orders). */
export const DEMO_ACCESS_TOKEN = "shpat_demo_trulybot_read_orders";
/** Token whose installation was granted read_all_orders. */
export const DEMO_ALL_ORDERS_TOKEN = "shpat_demo_trulybot_read_all_orders";
export const DEMO_NOW = new Date("2026-11-23T15:00:00Z");
/** Only the version whose schema the emulator holds: answering another one with it would be a lie. */
export const SUPPORTED_API_VERSIONS: readonly string[] = [SHOPIFY_API_VERSION];

export type EmulatorFault =
  | { kind: "http_status"; status: 500 | 502 | 503 | 429; times?: number; retryAfter?: number }
  | { kind: "timeout"; times?: number }
  | { kind: "malformed_json"; times?: number }
  | { kind: "throttled"; times?: number }
  | { kind: "latency"; ms: number };

export interface EmulatorRequestLog {
  at: string;
  method: string;
  path: string;
  apiVersion: string | null;
  token: string | null;
  shop: string | null;
  operationName: string | null;
  query: string | null;
  variables: Record<string, unknown> | null;
  status: number;
  outcome: "ok" | "graphql_errors" | "throttled" | "unauthorized" | "injected" | "bad_request" | "not_found";
  requestedQueryCost?: number;
}

/**
 * GraphQL Admin API rate limits by store plan (restore rate in points/second, as Shopify publishes
 * them today). The bucket holds 1,000 points on every plan here — the single-query maximum — which is
 * the conservative reading of what Shopify documents.
 */
export const SHOPIFY_PLAN_RATE_LIMITS = {
  standard: { maximumAvailable: 1000, restoreRate: 100 },
  advanced: { maximumAvailable: 1000, restoreRate: 200 },
  plus: { maximumAvailable: 1000, restoreRate: 1000 },
  enterprise: { maximumAvailable: 1000, restoreRate: 2000 },
} as const;
export type ShopifyPlan = keyof typeof SHOPIFY_PLAN_RATE_LIMITS;

export interface ShopifyRateLimit {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ShopifyAdminEmulatorOptions {
  port?: number; // 0 = random
  host?: string;
  data?: string | URL | DemoShopifyStore;
  accessTokens?: Record<string, { shop: string; scopes: string[] }>;
  latencyMs?: number;
  now?: Date;
  /** the store's plan: its bucket and restore rate (default "standard": 1,000 points, 100/s) */
  plan?: ShopifyPlan;
  /** leaky bucket, overriding the plan's numbers */
  bucket?: { maximumAvailable?: number; restoreRate?: number };
  /** single-query max cost (Shopify: 1000) */
  maxQueryCost?: number;
  schemaPath?: string;
}

export interface ShopifyAdminEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  inject(fault: EmulatorFault): void;
  clearFaults(): void;
  requests: EmulatorRequestLog[];
  /** current bucket state of a shop (after restoring) */
  bucketState(shop?: string): { currentlyAvailable: number; maximumAvailable: number; restoreRate: number };
  /** drain/set the bucket of a shop, e.g. to test throttling */
  setBucket(shop: string, currentlyAvailable: number): void;
  /** change the rate limit while running (e.g. a store moving to Plus); buckets settle at the old rate first */
  setRateLimit(limit: Partial<ShopifyRateLimit> | ShopifyPlan): void;
  setNow(now: Date): void;
  store: DemoShopifyStore;
}

// ---------------------------------------------------------------------------------------------
// Schema (built once per process: the SDL is 3 MB)
// ---------------------------------------------------------------------------------------------

const schemaCache = new Map<string, GraphQLSchema>();
export function loadAdminSchema(path = defaultAdminSchemaPath()): GraphQLSchema {
  let s = schemaCache.get(path);
  if (!s) {
    s = buildSchema(fs.readFileSync(path, "utf8"), { assumeValidSDL: true });
    schemaCache.set(path, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Search query syntax (subset of Shopify's): field:value, quoted values, comparators, -negation, OR
// ---------------------------------------------------------------------------------------------

type Term = { field: string | null; op: "=" | ">" | ">=" | "<" | "<="; value: string; negate: boolean };
const KNOWN_ORDER_FIELDS = new Set([
  "name",
  "email",
  "customer_id",
  "created_at",
  "processed_at",
  "updated_at",
  "test",
  "financial_status",
  "fulfillment_status",
  "id",
  "phone",
  "status",
]);

export function parseSearchQuery(q: string): { groups: Term[][]; unknownFields: string[] } {
  const tokens = q.match(/-?[A-Za-z_]+:(?:"[^"]*"|[^\s]+)|"[^"]*"|[^\s]+/g) ?? [];
  const groups: Term[][] = [[]];
  const unknownFields: string[] = [];
  for (const raw of tokens) {
    if (raw === "AND") continue;
    if (raw === "OR") {
      groups.push([]);
      continue;
    }
    let t = raw;
    let negate = false;
    if (t.startsWith("-")) {
      negate = true;
      t = t.slice(1);
    }
    const m = /^([A-Za-z_]+):(.*)$/.exec(t);
    let field: string | null = null;
    let rest = t;
    if (m) {
      field = m[1].toLowerCase();
      rest = m[2];
    }
    let op: Term["op"] = "=";
    const cm = /^(>=|<=|>|<)(.*)$/.exec(rest);
    if (cm) {
      op = cm[1] as Term["op"];
      rest = cm[2];
    }
    const value = rest.replace(/^"(.*)"$/, "$1");
    if (field && !KNOWN_ORDER_FIELDS.has(field)) {
      // Shopify ignores filters on fields it does not know (and warns in extensions.search).
      unknownFields.push(field);
      continue;
    }
    groups[groups.length - 1].push({ field, op, value, negate });
  }
  return { groups: groups.filter((g) => g.length > 0), unknownFields };
}

function cmp(a: number, op: Term["op"], b: number): boolean {
  switch (op) {
    case "=":
      return a === b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
  }
}

function gidTail(v: string): string {
  return v.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, "");
}

type Obj = Record<string, unknown>;

function orderMatchesTerm(o: Obj, t: Term): boolean {
  const str = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));
  let r: boolean;
  switch (t.field) {
    case "name":
      r = str(o.name).replace(/^#/, "").toLowerCase() === t.value.replace(/^#/, "").toLowerCase();
      break;
    case "email":
      r = str(o.email).toLowerCase() === t.value.toLowerCase();
      break;
    case "phone":
      r =
        str(o.phone).replace(/\D/g, "") !== "" &&
        str(o.phone).replace(/\D/g, "") === t.value.replace(/\D/g, "");
      break;
    case "customer_id": {
      const c = o.customer as Obj | null | undefined;
      r = !!c && gidTail(str(c.id)) === gidTail(t.value);
      break;
    }
    case "id":
      r = gidTail(str(o.id)) === gidTail(t.value);
      break;
    case "created_at":
    case "processed_at":
    case "updated_at": {
      const key =
        t.field === "created_at" ? "createdAt" : t.field === "processed_at" ? "processedAt" : "updatedAt";
      const a = Date.parse(str(o[key]));
      const b = Date.parse(t.value);
      r = Number.isFinite(a) && Number.isFinite(b) && cmp(a, t.op, b);
      break;
    }
    case "test":
      r = String(o.test === true) === t.value.toLowerCase();
      break;
    case "financial_status":
      r = str(o.displayFinancialStatus).toLowerCase() === t.value.toLowerCase();
      break;
    case "fulfillment_status":
      r = str(o.displayFulfillmentStatus).toLowerCase() === t.value.toLowerCase();
      break;
    case "status":
      r =
        t.value === "open"
          ? !o.closed && !o.cancelledAt
          : t.value === "closed"
            ? !!o.closed
            : t.value === "cancelled"
              ? !!o.cancelledAt
              : t.value === "any";
      break;
    default: {
      const v = t.value.toLowerCase().replace(/^#/, "");
      r = str(o.name).toLowerCase().replace(/^#/, "") === v || str(o.email).toLowerCase().includes(v);
    }
  }
  return t.negate ? !r : r;
}

export function filterOrders(orders: Obj[], query: string | null | undefined): Obj[] {
  if (!query || !query.trim()) return orders;
  const { groups } = parseSearchQuery(query);
  if (groups.length === 0) return orders;
  return orders.filter((o) => groups.some((g) => g.every((t) => orderMatchesTerm(o, t))));
}

// ---------------------------------------------------------------------------------------------
// Query cost (Shopify's calculated cost, approximated):
//   object / interface / union field = 1, scalar / enum = 0,
//   connection = 2 + first|last × cost(selection of one node),
//   list field with a first argument = first × cost(element), other lists = cost(element).
// ---------------------------------------------------------------------------------------------

export function calculateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const ops: OperationDefinitionNode[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.OPERATION_DEFINITION) ops.push(d);
  }
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  if (!op) return 0;
  const root = op.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const base = op.operation === "mutation" ? 10 : 0;
  return base + selectionCost(root, op.selectionSet);

  function selectionCost(parent: GraphQLCompositeType, sel: SelectionSetNode): number {
    let total = 0;
    for (const s of sel.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith("__")) continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const def = parent.getFields()[s.name.value];
        if (!def) continue;
        const named = getNamedType(def.type);
        if (isLeafType(named)) continue;
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(def, s, variables);
        } catch {
          args = {};
        }
        const size =
          typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : null;
        const child = s.selectionSet ? selectionCost(named as GraphQLCompositeType, s.selectionSet) : 0;
        if (named.name.endsWith("Connection") && isObjectType(named)) {
          // the connection's own selection (nodes / edges { node }) is costed once; multiply by page size
          total += 2 + (size ?? 1) * connectionNodeCost(named as GraphQLCompositeType, s.selectionSet);
        } else if (isListType(getNullableType(def.type as GraphQLOutputType))) {
          total += (size ?? 1) * (1 + child);
        } else {
          total += 1 + child;
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const t = s.typeCondition
          ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType)
          : parent;
        total += selectionCost(t ?? parent, s.selectionSet);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f)
          total += selectionCost(
            (schema.getType(f.typeCondition.name.value) as GraphQLCompositeType) ?? parent,
            f.selectionSet,
          );
      }
    }
    return total;
  }

  function connectionNodeCost(conn: GraphQLCompositeType, sel: SelectionSetNode | undefined): number {
    if (!sel || !isObjectType(conn)) return 1;
    let max = 1;
    const walk = (ss: SelectionSetNode, type: GraphQLCompositeType) => {
      for (const s of ss.selections) {
        if (s.kind === Kind.FIELD && isObjectType(type)) {
          const f = type.getFields()[s.name.value];
          if (!f || !s.selectionSet) continue;
          const named = getNamedType(f.type) as GraphQLCompositeType;
          if (s.name.value === "nodes") max = Math.max(max, 1 + selectionCost(named, s.selectionSet));
          else if (s.name.value === "edges") {
            for (const es of s.selectionSet.selections) {
              if (
                es.kind === Kind.FIELD &&
                es.name.value === "node" &&
                es.selectionSet &&
                isObjectType(named)
              ) {
                const nodeType = getNamedType(named.getFields().node.type) as GraphQLCompositeType;
                max = Math.max(max, 1 + selectionCost(nodeType, es.selectionSet));
              }
            }
          }
        } else if (s.kind === Kind.FRAGMENT_SPREAD) {
          const f = fragments.get(s.name.value);
          if (f) walk(f.selectionSet, type);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          walk(s.selectionSet, type);
        }
      }
    };
    walk(sel, conn);
    return max;
  }
}

/** Actual cost: 1 per object returned (what Shopify refunds the difference against). */
function actualCost(data: unknown): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      n += 1;
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(data);
  return Math.max(1, n);
}

// ---------------------------------------------------------------------------------------------
// Resolvers
// ---------------------------------------------------------------------------------------------

interface RequestContext {
  shop: string;
  scopes: string[];
  now: Date;
  store: DemoShopifyStore;
  searchWarnings: { path: string[]; query: string; warnings: { field: string; message: string }[] }[];
  bulk: BulkRuntime;
}

const DAY = 86_400_000;
export const RECENT_ORDER_DAYS = 60;

function orderVisible(o: Obj, ctx: RequestContext): boolean {
  if (ctx.scopes.includes("read_all_orders")) return true;
  const created = Date.parse(String(o.createdAt));
  return created >= ctx.now.getTime() - RECENT_ORDER_DAYS * DAY;
}

function sortOrders(list: Obj[], sortKey: string | undefined): Obj[] {
  const key = sortKey ?? "ID";
  const val = (o: Obj): number | string => {
    switch (key) {
      case "CREATED_AT":
        return Date.parse(String(o.createdAt));
      case "PROCESSED_AT":
        return Date.parse(String(o.processedAt ?? o.createdAt));
      case "UPDATED_AT":
        return Date.parse(String(o.updatedAt ?? o.createdAt));
      case "ORDER_NUMBER":
        return Number(o.number ?? String(o.name).replace(/\D/g, ""));
      case "TOTAL_PRICE": {
        const set = o.totalPriceSet as { shopMoney?: { amount?: string } } | undefined;
        return Number(set?.shopMoney?.amount ?? 0);
      }
      default:
        return Number(gidTail(String(o.id)));
    }
  };
  return [...list].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

function encodeCursor(i: number): string {
  return Buffer.from(JSON.stringify({ last_id: i }), "utf8").toString("base64");
}
function decodeCursor(c: unknown): number | null {
  if (typeof c !== "string") return null;
  try {
    const v = JSON.parse(Buffer.from(c, "base64").toString("utf8")) as { last_id?: number };
    return typeof v.last_id === "number" ? v.last_id : null;
  } catch {
    return null;
  }
}

function toConnection(all: unknown[], args: Record<string, unknown>): Obj {
  let list = all.map((node, i) => ({ node, i }));
  if (args.reverse === true) list = list.reverse();
  const after = decodeCursor(args.after);
  const before = decodeCursor(args.before);
  if (after !== null) {
    const idx = list.findIndex((e) => e.i === after);
    list = idx >= 0 ? list.slice(idx + 1) : list;
  }
  if (before !== null) {
    const idx = list.findIndex((e) => e.i === before);
    list = idx >= 0 ? list.slice(0, idx) : list;
  }
  const total = list.length;
  let start = 0;
  let end = total;
  if (typeof args.first === "number") end = Math.min(total, args.first);
  if (typeof args.last === "number") start = Math.max(0, end - args.last);
  const page = list.slice(start, end);
  return {
    nodes: page.map((e) => e.node),
    edges: page.map((e) => ({ node: e.node, cursor: encodeCursor(e.i) })),
    pageInfo: {
      hasNextPage: end < total,
      hasPreviousPage: start > 0 || after !== null,
      startCursor: page.length ? encodeCursor(page[0].i) : null,
      endCursor: page.length ? encodeCursor(page[page.length - 1].i) : null,
    },
  };
}

function typeFromGid(id: unknown): string | undefined {
  if (typeof id !== "string") return undefined;
  return /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1];
}

function firstArgError(args: Record<string, unknown>, path: string): GraphQLError | null {
  if (args.first == null && args.last == null) {
    return new GraphQLError("you must provide one of first or last", {
      extensions: { code: "argumentLiteralsIncompatible", path },
    });
  }
  for (const k of ["first", "last"] as const) {
    const v = args[k];
    if (typeof v === "number" && (v < 0 || v > 250)) {
      return new GraphQLError(`The value of the argument \`${k}\` must be between 0 and 250.`, {
        extensions: { code: "BAD_REQUEST" },
      });
    }
  }
  return null;
}

type Resolver = (source: Obj, args: Record<string, unknown>, ctx: RequestContext) => unknown;

function buildResolvers(): Record<string, Resolver> {
  const fullCustomer = (ctx: RequestContext, id: string) =>
    ctx.store.customers.find((c) => c.id === id) ?? null;
  const visibleOrders = (ctx: RequestContext) =>
    (ctx.store.orders as Obj[]).filter((o) => orderVisible(o, ctx));
  const findNode = (ctx: RequestContext, id: unknown): Obj | null => {
    if (typeof id !== "string") return null;
    const type = typeFromGid(id);
    if (type === "Order") {
      const o = (ctx.store.orders as Obj[]).find((x) => x.id === id);
      return o && orderVisible(o, ctx) ? o : null;
    }
    if (type === "Customer") return fullCustomer(ctx, id);
    if (type === "Shop") return ctx.store.shop.id === id ? (ctx.store.shop as Obj) : null;
    if (type === "BulkOperation") return ctx.bulk.byId(id);
    return null;
  };
  return {
    "QueryRoot.shop": (_s, _a, ctx) => ctx.store.shop,
    "QueryRoot.currentBulkOperation": (_s, _a, ctx) => ctx.bulk.current(),
    "Mutation.bulkOperationRunQuery": (_s, a, ctx) =>
      ctx.bulk.run(String(a.query ?? ""), { ...ctx, searchWarnings: [] }),
    "QueryRoot.order": (_s, a, ctx) => {
      const n = findNode(ctx, a.id);
      return n && typeFromGid(n.id) === "Order" ? n : null;
    },
    "QueryRoot.customer": (_s, a, ctx) => (typeof a.id === "string" ? fullCustomer(ctx, a.id) : null),
    "QueryRoot.node": (_s, a, ctx) => findNode(ctx, a.id),
    "QueryRoot.nodes": (_s, a, ctx) => ((a.ids as string[]) ?? []).map((id) => findNode(ctx, id)),
    "QueryRoot.orders": (_s, a, ctx) => {
      const err = firstArgError(a, "orders");
      if (err) throw err;
      const q = typeof a.query === "string" ? a.query : null;
      if (q) {
        const { unknownFields } = parseSearchQuery(q);
        if (unknownFields.length) {
          ctx.searchWarnings.push({
            path: ["orders"],
            query: q,
            warnings: unknownFields.map((f) => ({
              field: f,
              message: "Invalid search field for this query.",
            })),
          });
        }
      }
      const list = sortOrders(filterOrders(visibleOrders(ctx), q), a.sortKey as string | undefined);
      return toConnection(list, a);
    },
    "QueryRoot.customers": (_s, a, ctx) => {
      const err = firstArgError(a, "customers");
      if (err) throw err;
      let list = ctx.store.customers as Obj[];
      const q = typeof a.query === "string" ? a.query.trim() : "";
      const m = /^email:"?([^"\s]+)"?$/.exec(q);
      if (m) list = list.filter((c) => String(c.email ?? "").toLowerCase() === m[1].toLowerCase());
      return toConnection(list, a);
    },
    // the calling app (no id): what it requests, what it may request later, what this shop granted
    "QueryRoot.app": (_s, a, ctx) =>
      a.id
        ? null
        : {
            id: "gid://shopify/App/100000000001",
            requestedAccessScopes: ctx.scopes
              .filter((h) => !WRITE_SCOPES.includes(h))
              .map((handle) => ({ handle, description: handle })),
            optionalAccessScopes: WRITE_SCOPES.map((handle) => ({ handle, description: handle })),
            installation: {
              id: "gid://shopify/AppInstallation/100000000001",
              accessScopes: ctx.scopes.map((handle) => ({ handle, description: handle })),
            },
          },
    "QueryRoot.currentAppInstallation": (_s, _a, ctx) => ({
      id: "gid://shopify/AppInstallation/100000000001",
      accessScopes: ctx.scopes.map((handle) => ({ handle, description: handle })),
    }),
    "Order.customer": (s, _a, ctx) => {
      const c = s.customer as Obj | null | undefined;
      if (!c) return null;
      return { ...(fullCustomer(ctx, String(c.id)) ?? {}), ...c };
    },
    "Customer.orders": (s, a, ctx) => {
      const err = firstArgError(a, "orders");
      if (err) throw err;
      const mine = visibleOrders(ctx).filter((o) => (o.customer as Obj | null)?.id === s.id);
      const q = typeof a.query === "string" ? a.query : null;
      return toConnection(sortOrders(filterOrders(mine, q), a.sortKey as string | undefined), a);
    },
    "QueryRoot.returnReasonDefinitions": (_s, a, ctx) =>
      toConnection(filterReturnReasonDefinitions(ctx.store, a), a),
    ...(MUTATION_RESOLVERS as unknown as Record<string, Resolver>),
    "Customer.numberOfOrders": (s, _a, ctx) =>
      s.numberOfOrders ??
      String((ctx.store.orders as Obj[]).filter((o) => (o.customer as Obj | null)?.id === s.id).length),
  };
}

const RESOLVERS = buildResolvers();

const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
  const custom = RESOLVERS[`${info.parentType.name}.${info.fieldName}`];
  if (custom) return custom((source ?? {}) as Obj, args as Record<string, unknown>, ctx);
  const value = source && typeof source === "object" ? (source as Obj)[info.fieldName] : undefined;
  const named = getNamedType(info.returnType);
  if (named.name.endsWith("Connection") && isObjectType(named)) {
    if (value == null) return toConnection([], args as Record<string, unknown>);
    const nodes = Array.isArray(value) ? value : (((value as Obj).nodes as unknown[] | undefined) ?? []);
    return toConnection(nodes, args as Record<string, unknown>);
  }
  if (Array.isArray(value)) {
    const first = (args as Record<string, unknown>).first;
    return typeof first === "number" ? value.slice(0, first) : value;
  }
  return value ?? null;
};

const typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value, _ctx, _info, abstractType) => {
  const v = value as Obj;
  if (typeof v.__typename === "string") return v.__typename;
  const fromGid = typeFromGid(v.id);
  if (fromGid) return fromGid;
  if (isUnionType(abstractType) || isInterfaceType(abstractType)) return undefined;
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// HTTP server
// ---------------------------------------------------------------------------------------------

function defaultTokens(shop: string): Record<string, { shop: string; scopes: string[] }> {
  const base = [
    "read_orders",
    "read_customers",
    "read_fulfillments",
    "read_products",
    "read_legal_policies",
    "read_themes",
  ];
  return {
    [DEMO_ACCESS_TOKEN]: { shop, scopes: base },
    [DEMO_ALL_ORDERS_TOKEN]: { shop, scopes: [...base, "read_all_orders"] },
    [DEMO_WRITE_TOKEN]: { shop, scopes: [...base, ...WRITE_SCOPES] },
  };
}

export async function startShopifyAdminEmulator(
  options: ShopifyAdminEmulatorOptions = {},
): Promise<ShopifyAdminEmulator> {
  const schema = loadAdminSchema(options.schemaPath);
  const store: DemoShopifyStore =
    options.data && typeof options.data === "object" && !(options.data instanceof URL)
      ? structuredClone(options.data)
      : loadDemoShopifyStore(options.data as string | URL | undefined);
  const shopDomain = store.shop.myshopifyDomain ?? DEMO_SHOP;
  const tokens = options.accessTokens ?? defaultTokens(shopDomain);
  let now = options.now ?? DEMO_NOW;
  const planLimit = SHOPIFY_PLAN_RATE_LIMITS[options.plan ?? "standard"];
  if (!planLimit) throw new Error(`Unknown Shopify plan: ${String(options.plan)}`);
  let maximumAvailable =
    positive(options.bucket?.maximumAvailable, "maximumAvailable") ?? planLimit.maximumAvailable;
  let restoreRate = positive(options.bucket?.restoreRate, "restoreRate") ?? planLimit.restoreRate;
  const maxQueryCost = options.maxQueryCost ?? 1000;
  let latencyMs = options.latencyMs ?? 0;

  const buckets = new Map<string, { available: number; at: number }>();
  const bucket = (shop: string) => {
    const t = Date.now();
    const b = buckets.get(shop) ?? { available: maximumAvailable, at: t };
    b.available = Math.min(maximumAvailable, b.available + ((t - b.at) / 1000) * restoreRate);
    b.at = t;
    buckets.set(shop, b);
    return b;
  };
  const throttleStatus = (shop: string) => ({
    maximumAvailable,
    currentlyAvailable: Math.floor(bucket(shop).available),
    restoreRate,
  });

  const faults: { fault: EmulatorFault; remaining: number }[] = [];
  const requests: EmulatorRequestLog[] = [];
  const documentCache = new Map<string, { doc?: DocumentNode; errors?: readonly GraphQLError[] }>();
  const hanging = new Set<http.ServerResponse>();
  let baseUrl = "";
  const bulk = createBulkRuntime({
    schema,
    fieldResolver: fieldResolver as GraphQLFieldResolver<unknown, unknown>,
    typeResolver: typeResolver as GraphQLTypeResolver<unknown, unknown>,
    baseUrl: () => baseUrl,
    now: () => now,
  });

  const takeFault = (): EmulatorFault | null => {
    const idx = faults.findIndex((f) => f.fault.kind !== "latency");
    if (idx < 0) return null;
    const f = faults[idx];
    f.remaining -= 1;
    if (f.remaining <= 0) faults.splice(idx, 1);
    return f.fault;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ errors: [{ message: `emulator error: ${(e as Error).message}` }] }));
        }
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const m = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
    const token = (req.headers["x-shopify-access-token"] as string | undefined) ?? null;
    const log: EmulatorRequestLog = {
      at: new Date().toISOString(),
      method: req.method ?? "GET",
      path: url.pathname,
      apiVersion: m?.[1] ?? null,
      token,
      shop: null,
      operationName: null,
      query: null,
      variables: null,
      status: 200,
      outcome: "ok",
    };
    requests.push(log);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      const text = typeof payload === "string" ? payload : JSON.stringify(payload);
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
      res.end(text);
    };

    const extraLatency = faults
      .filter((f) => f.fault.kind === "latency")
      .reduce((n, f) => n + (f.fault as { ms: number }).ms, 0);
    if (latencyMs + extraLatency > 0) await new Promise((r) => setTimeout(r, latencyMs + extraLatency));

    if (url.pathname === "/healthz") return send(200, { ok: true, shop: shopDomain });
    const file = /^\/bulk\/(\d+)\.jsonl$/.exec(url.pathname);
    if (file && req.method === "GET") {
      const text = bulk.file(file[1]);
      if (text === null) return send(404, { errors: "Not Found" });
      log.status = 200;
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      return res.end(text);
    }
    if (!m || req.method !== "POST") {
      log.outcome = "not_found";
      return send(404, { errors: "Not Found" });
    }
    if (!SUPPORTED_API_VERSIONS.includes(m[1])) {
      log.outcome = "not_found";
      return send(404, { errors: "Not Found" });
    }
    const auth = token ? tokens[token] : undefined;
    if (!auth) {
      log.outcome = "unauthorized";
      return send(401, {
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
    log.shop = auth.shop;

    const fault = takeFault();
    if (fault) {
      log.outcome = "injected";
      switch (fault.kind) {
        case "http_status":
          if (fault.status === 429) {
            return send(
              429,
              {
                errors:
                  "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
              },
              { "Retry-After": String(fault.retryAfter ?? 2) },
            );
          }
          log.status = fault.status;
          res.writeHead(fault.status, { "Content-Type": "text/html; charset=utf-8" });
          res.end(
            `<html><body><h1>${fault.status} ${http.STATUS_CODES[fault.status] ?? "Error"}</h1></body></html>`,
          );
          return;
        case "timeout":
          log.status = 0;
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return; // never answer
        case "malformed_json":
          log.status = 200;
          res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
          res.end('{"data":{"orders":{"nodes":[{"id":"gid://shopify/Order/55');
          return;
        case "throttled":
          log.outcome = "throttled";
          return send(200, {
            errors: [
              {
                message: "Throttled",
                extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
              },
            ],
            extensions: {
              cost: {
                requestedQueryCost: 1,
                actualQueryCost: null,
                throttleStatus: throttleStatus(auth.shop),
              },
            },
          });
        default:
          break;
      }
    }

    let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      log.outcome = "bad_request";
      return send(400, { errors: { query: "Required parameter missing or invalid" } });
    }
    if (typeof payload?.query !== "string" || payload.query.trim() === "") {
      log.outcome = "bad_request";
      return send(400, { errors: { query: "Required parameter missing or invalid" } });
    }
    const query = payload.query;
    const variables = (
      payload.variables && typeof payload.variables === "object" ? payload.variables : {}
    ) as Record<string, unknown>;
    const operationName = typeof payload.operationName === "string" ? payload.operationName : null;
    log.query = query;
    log.variables = variables;

    let cached = documentCache.get(query);
    if (!cached) {
      try {
        const doc = parse(query);
        const errors = validate(schema, doc);
        cached = errors.length ? { errors } : { doc };
      } catch (e) {
        cached = { errors: [e as GraphQLError] };
      }
      documentCache.set(query, cached);
    }
    if (cached.errors) {
      log.outcome = "graphql_errors";
      return send(200, {
        errors: cached.errors.map((e) => ({
          message: e.message,
          locations: e.locations,
          extensions: {
            code: e.message.startsWith("Syntax Error") ? "parseError" : "GRAPHQL_VALIDATION_FAILED",
          },
        })),
      });
    }
    const doc = cached.doc!;
    const opNode = doc.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    log.operationName = opNode?.name?.value ?? operationName;

    const requested = calculateQueryCost(schema, doc, variables, operationName);
    log.requestedQueryCost = requested;
    if (requested > maxQueryCost) {
      log.outcome = "graphql_errors";
      return send(200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxQueryCost}).`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: maxQueryCost },
          },
        ],
      });
    }
    const b = bucket(auth.shop);
    if (b.available < requested) {
      log.outcome = "throttled";
      return send(200, {
        errors: [
          {
            message: "Throttled",
            extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
          },
        ],
        extensions: {
          cost: {
            requestedQueryCost: requested,
            actualQueryCost: null,
            throttleStatus: throttleStatus(auth.shop),
          },
        },
      });
    }

    const ctx: RequestContext = {
      shop: auth.shop,
      scopes: auth.scopes,
      now,
      store,
      searchWarnings: [],
      bulk,
    };
    const result = await execute({
      schema,
      document: doc,
      variableValues: variables,
      operationName: operationName ?? undefined,
      contextValue: ctx,
      fieldResolver,
      typeResolver,
    });
    const actual = result.data ? Math.min(requested, actualCost(result.data)) : requested;
    b.available = Math.max(0, b.available - actual);
    const extensions: Obj = {
      cost: {
        requestedQueryCost: requested,
        actualQueryCost: actual,
        throttleStatus: throttleStatus(auth.shop),
      },
    };
    if (ctx.searchWarnings.length) extensions.search = ctx.searchWarnings;
    const out: Obj = {};
    if (result.errors?.length) {
      log.outcome = "graphql_errors";
      out.errors = result.errors.map((e) => ({
        message: e.message,
        locations: e.locations,
        path: e.path,
        extensions: e.extensions,
      }));
    }
    out.data = result.data ?? null;
    out.extensions = extensions;
    return send(200, out);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? "127.0.0.1";
  baseUrl = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;

  return {
    url: baseUrl,
    port,
    requests,
    store,
    inject(fault) {
      if (fault.kind === "latency") {
        faults.push({ fault, remaining: Infinity });
        return;
      }
      faults.push({ fault, remaining: fault.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    bucketState(shop = shopDomain) {
      return throttleStatus(shop);
    },
    setBucket(shop, currentlyAvailable) {
      buckets.set(shop, { available: currentlyAvailable, at: Date.now() });
    },
    setRateLimit(limit) {
      const next = typeof limit === "string" ? SHOPIFY_PLAN_RATE_LIMITS[limit] : limit;
      if (!next) throw new Error(`Unknown Shopify plan: ${String(limit)}`);
      for (const shop of buckets.keys()) bucket(shop); // settle what was restored at the old rate
      maximumAvailable = positive(next.maximumAvailable, "maximumAvailable") ?? maximumAvailable;
      restoreRate = positive(next.restoreRate, "restoreRate") ?? restoreRate;
      for (const b of buckets.values()) b.available = Math.min(b.available, maximumAvailable);
    },
    setNow(d) {
      now = d;
    },
    close() {
      latencyMs = 0;
      for (const r of hanging) r.destroy();
      hanging.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function positive(v: number | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`Invalid ${name}: ${v} (must be a positive number)`);
  return v;
}
