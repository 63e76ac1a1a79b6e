/**
 * A message the committed intent model cannot place (its top intent below the ask threshold, two
 * alternatives), chosen with the model itself: tests of the "do you want X or Y?" question stay
 * about that question when the model is retrained (`npm run train:nlu`), instead of failing or
 * silently testing something else.
 */
import { ASK_THRESHOLD, understand } from "../../app/chat/understand";
import type { Intent } from "../../app/protocol";

const HEADS = ["returns?", "returns and refunds", "return?", "refund?", "returns or refunds?", "shipping?"];

export interface AmbiguousMessage {
  text: string;
  /** the two intents the bot offers, the likelier first */
  choices: [Intent, Intent];
}

export function ambiguousMessage(suffix = ""): AmbiguousMessage {
  for (const head of HEADS) {
    const text = suffix ? `${head} ${suffix}` : head;
    const u = understand(text);
    const alts = u.alternatives.map((a) => a.intent);
    if (u.confidence < ASK_THRESHOLD && alts.length >= 2 && alts[0] !== alts[1])
      return { text, choices: [alts[0]!, alts[1]!] };
  }
  throw new Error(
    "no candidate message is ambiguous to the committed model: add one to test/support/ambiguous.ts",
  );
}
