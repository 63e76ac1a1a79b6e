/**
 * The return reason library of the Shopify Admin emulator (2026-01 `ReturnReasonDefinition`:
 * id, handle, name, deleted) and its `returnReasonDefinitions(handles, ids, first…)` query. The real
 * library is larger and category-specific; the handles here are the emulator's own choice (the
 * schema documents the shape, not the list; see docs/decisions/0029). One deleted reason is kept,
 * as on Shopify: deleted reasons are still valid on returns but should not be offered to shoppers.
 */
type Obj = Record<string, unknown>;

export const RETURN_REASON_DEFINITIONS: readonly Obj[] = [
  { handle: "size-too-small", name: "Size was too small" },
  { handle: "size-too-large", name: "Size was too large" },
  { handle: "wrong-size", name: "Wrong size" },
  { handle: "changed-my-mind", name: "Changed my mind" },
  { handle: "not-as-described", name: "Item not as described" },
  { handle: "received-wrong-item", name: "Received the wrong item" },
  { handle: "damaged-or-defective", name: "Damaged or defective" },
  { handle: "defective", name: "Defective", deleted: true },
  { handle: "style", name: "Style" },
  { handle: "color", name: "Color" },
  { handle: "other", name: "Other" },
].map((d, i) => ({ id: `gid://shopify/ReturnReasonDefinition/${i + 1}`, deleted: false, ...d }));

/** A test may give its store another library (`store.returnReasonDefinitions`). */
const library = (store: { returnReasonDefinitions?: Obj[] }) =>
  store.returnReasonDefinitions ?? RETURN_REASON_DEFINITIONS;

export function returnReasonDefinition(store: { returnReasonDefinitions?: Obj[] }, id: unknown): Obj | null {
  return library(store).find((d) => d.id === id) ?? null;
}

/** QueryRoot.returnReasonDefinitions: filtered by `handles` and/or `ids` (both optional). */
export function filterReturnReasonDefinitions(
  store: { returnReasonDefinitions?: Obj[] },
  args: Record<string, unknown>,
): Obj[] {
  const handles = Array.isArray(args.handles) ? (args.handles as string[]) : null;
  const ids = Array.isArray(args.ids) ? (args.ids as string[]) : null;
  return library(store).filter(
    (d) => (!handles || handles.includes(String(d.handle))) && (!ids || ids.includes(String(d.id))),
  );
}
