/**
 * Bulk operations as Shopify runs them (bulkOperationRunQuery → BulkOperation → a JSONL file): the
 * inner query is parsed and validated against the real Admin schema, must have exactly one top-level
 * connection, and runs against the emulator's data; the result is flattened the way Shopify writes
 * it — one line per node, nodes of nested connections on their own lines with `__parentId`. The
 * operation completes at once (the app still polls its status, as against Shopify).
 */
import {
  execute,
  getNamedType,
  Kind,
  parse,
  validate,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from "graphql";

type Obj = Record<string, unknown>;

export interface BulkRuntime {
  /** Start (and finish) a bulk query; the payload of bulkOperationRunQuery. */
  run(query: string, ctx: unknown): Promise<{ bulkOperation: Obj | null; userErrors: Obj[] }>;
  current(): Obj | null;
  byId(id: string): Obj | null;
  /** the JSONL of operation number n, for GET /bulk/{n}.jsonl */
  file(n: string): string | null;
}

function connectionNodes(v: unknown): Obj[] | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Obj;
  if (Array.isArray(o.edges)) return (o.edges as Obj[]).map((e) => (e?.node ?? {}) as Obj);
  if (Array.isArray(o.nodes)) return o.nodes as Obj[];
  return null;
}

/** One node → its line, followed by the lines of its nested connections' nodes. */
function flatten(node: Obj, parentId: string | null, out: Obj[]): void {
  const line: Obj = {};
  const children: Obj[][] = [];
  for (const [k, v] of Object.entries(node)) {
    const nested = connectionNodes(v);
    if (nested) children.push(nested);
    else line[k] = v;
  }
  if (parentId) line.__parentId = parentId;
  out.push(line);
  const id = typeof node.id === "string" ? node.id : null;
  for (const list of children) for (const child of list) flatten(child, id, out);
}

export function createBulkRuntime(opts: {
  schema: GraphQLSchema;
  fieldResolver: GraphQLFieldResolver<unknown, unknown>;
  typeResolver: GraphQLTypeResolver<unknown, unknown>;
  baseUrl: () => string;
  now: () => Date;
}): BulkRuntime {
  const ops = new Map<string, Obj>();
  const files = new Map<string, string>();
  let seq = 0;
  let current: Obj | null = null;
  // A bulk query has no page size: every connection is read whole (the emulator's resolvers take
  // at most 250 nodes per connection, plenty for its demo data).
  const bulkResolver: GraphQLFieldResolver<unknown, unknown> = (src, args, ctx, info) => {
    const a = args as Obj;
    const whole =
      getNamedType(info.returnType).name.endsWith("Connection") && a.first == null && a.last == null;
    return opts.fieldResolver(src, whole ? { ...a, first: 250 } : a, ctx, info);
  };
  const userError = (message: string) => ({
    bulkOperation: null,
    userErrors: [{ field: ["query"], message }],
  });

  return {
    async run(query, ctx) {
      let doc;
      try {
        doc = parse(query);
      } catch (e) {
        return userError(`Invalid bulk query: ${(e as Error).message}`);
      }
      const errors = validate(opts.schema, doc);
      if (errors.length) return userError(`Invalid bulk query: ${errors[0].message}`);
      const op = doc.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      if (!op || op.operation !== "query") return userError("Bulk queries must be queries.");
      const top = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
      const rootType = opts.schema.getQueryType()!;
      const field = top.length === 1 ? rootType.getFields()[top[0].name.value] : undefined;
      if (!field || !getNamedType(field.type).name.endsWith("Connection"))
        return userError("Bulk queries must contain exactly one top-level connection field.");
      const result = await execute({
        schema: opts.schema,
        document: doc,
        contextValue: ctx,
        fieldResolver: bulkResolver,
        typeResolver: opts.typeResolver,
      });
      if (result.errors?.length) return userError(result.errors[0].message);
      const roots = connectionNodes((result.data as Obj)[top[0].alias?.value ?? top[0].name.value]) ?? [];
      const lines: Obj[] = [];
      for (const r of roots) flatten(r, null, lines);
      const text = lines.map((l) => JSON.stringify(l)).join("\n") + (lines.length ? "\n" : "");
      const n = String(++seq);
      files.set(n, text);
      const at = opts.now().toISOString();
      const bulk: Obj = {
        id: `gid://shopify/BulkOperation/${n}`,
        status: "COMPLETED",
        type: "QUERY",
        query,
        createdAt: at,
        completedAt: at,
        errorCode: null,
        objectCount: String(lines.length),
        rootObjectCount: String(roots.length),
        fileSize: String(Buffer.byteLength(text)),
        url: lines.length ? `${opts.baseUrl()}/bulk/${n}.jsonl` : null,
        partialDataUrl: null,
      };
      ops.set(bulk.id as string, bulk);
      current = bulk;
      return { bulkOperation: bulk, userErrors: [] };
    },
    current: () => current,
    byId: (id) => ops.get(id) ?? null,
    file: (n) => files.get(n) ?? null,
  };
}
