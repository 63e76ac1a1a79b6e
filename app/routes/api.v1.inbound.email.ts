import type { ActionFunctionArgs } from "@remix-run/node";
import { handleInboundEmail } from "../handoff/inbound.server";
import { jsonError, storefrontBoundary } from "../storefront/errors.server";

/** A mail provider's inbound route: e-mail replies threaded back into the chat (CONTRACTS.md §5, ADR 0031). */
export const action = async ({ request }: ActionFunctionArgs) =>
  storefrontBoundary(() => handleInboundEmail(request));

export const loader = () => jsonError(405, "method_not_allowed", "Use POST.");
