/** `useChatDatabase()`: one chat database per test file, emptied before each test. */
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "../../app/db.server";
import {
  defaultChatDatabase,
  openChatDatabase,
  setDefaultChatDatabase,
  type ChatDatabase,
  type TestChatRepository,
} from "./chat";

export function useChatDatabase(): {
  readonly db: Db;
  readonly repo: TestChatRepository;
  readonly chat: ChatDatabase;
} {
  let mine: ChatDatabase | null = null;
  beforeAll(async () => {
    mine = await openChatDatabase();
    setDefaultChatDatabase(mine);
  }, 60_000);
  beforeEach(async () => {
    setDefaultChatDatabase(mine);
    await mine!.reset();
  });
  afterAll(async () => {
    await mine?.close();
    if (defaultChatDatabase() === mine) setDefaultChatDatabase(null);
  });
  const get = () => {
    if (!mine) throw new Error("useChatDatabase(): the database is opened in beforeAll");
    return mine;
  };
  return {
    get db() {
      return get().db;
    },
    get repo() {
      return get().repo;
    },
    get chat() {
      return get();
    },
  };
}
