/** What a promise rejects with (typed loosely for assertions on error classes and fields); fails when it resolves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function failure(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}
