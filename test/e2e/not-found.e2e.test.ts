/**
 * Unknown routes on the real (built) server: a plain 404 for GET and POST — including a WooCommerce
 * webhook sent to a path that does not exist — and no stack trace in the server's log.
 */
import crypto from "node:crypto";
import { expect, it } from "vitest";
import { useDemo } from "./browser";

const e2e = useDemo();

it("answers unknown routes with a plain 404 and logs no stack trace", async () => {
  const before = e2e.demo.output().length;
  const get = await fetch(`${e2e.demo.url}/no/such/page?x=1`);
  expect(get.status).toBe(404);
  expect(get.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(await get.text()).toBe("Not Found\n");

  const body = JSON.stringify({ id: 727, status: "completed" });
  const post = await fetch(`${e2e.demo.url}/api/v1/woo/webhooks-that-do-not-exist`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-signature": crypto.createHmac("sha256", "x").update(body).digest("base64"),
    },
  });
  expect(post.status).toBe(404);
  expect(await post.text()).toBe("Not Found\n");

  // The real webhook route exists: an unsigned delivery is refused, not "not found".
  const real = await fetch(`${e2e.demo.url}/api/v1/woo/webhooks?store=${e2e.demo.woo.storeId}`, {
    method: "POST",
    body,
  });
  expect(real.status).toBe(401);

  await new Promise((r) => setTimeout(r, 200)); // let the child's log lines arrive
  const log = e2e.demo.output().slice(before);
  expect(log).not.toMatch(/No route matches/);
  expect(log).not.toMatch(/^\s+at /m);
  expect(e2e.demo.output()).not.toMatch(/\[jobs\]/); // the server's job workers started cleanly
});
