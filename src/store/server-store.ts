/** Servers' stories and settings in the SQLite database (see storage.ts for the contract). */
import type { Db } from "./database.js";
import type { NewServerStory, ServerStore, ServerStory } from "./storage.js";

interface Row {
  guild_id: string;
  story_id: string;
  title: string;
  hash: string;
  source_url: string | null;
  file_name: string;
  added_by: string;
  added_at: string;
}

const COLUMNS = "guild_id, story_id, title, hash, source_url, file_name, added_by, added_at";

const toStory = (r: Row): ServerStory => ({ guildId: r.guild_id, id: r.story_id, title: r.title, hash: r.hash, sourceUrl: r.source_url, fileName: r.file_name, addedBy: r.added_by, addedAt: r.added_at });

export class SqliteServerStore implements ServerStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      list: db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM guild_stories WHERE guild_id = ? ORDER BY added_at, story_id`),
      text: db.prepare<[string, string], { text: string }>("SELECT text FROM guild_stories WHERE guild_id = ? AND story_id = ?"),
      exists: db.prepare<[string, string], { one: number }>("SELECT 1 AS one FROM guild_stories WHERE guild_id = ? AND story_id = ?"),
      put: db.prepare(`INSERT OR REPLACE INTO guild_stories (${COLUMNS}, text) VALUES (@guildId, @id, @title, @hash, @sourceUrl, @fileName, @addedBy, @addedAt, @text)`),
      remove: db.prepare("DELETE FROM guild_stories WHERE guild_id = ? AND story_id = ?"),
      clearDefault: db.prepare("UPDATE guild_settings SET default_story = NULL WHERE guild_id = ? AND default_story = ?"),
      getDefault: db.prepare<[string], { default_story: string | null }>("SELECT default_story FROM guild_settings WHERE guild_id = ?"),
      setDefault: db.prepare("INSERT INTO guild_settings (guild_id, default_story) VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET default_story = excluded.default_story"),
    };
  }

  async listStories(guildId: string): Promise<ServerStory[]> {
    return this.q.list.all(guildId).map(toStory);
  }

  async storyText(guildId: string, id: string): Promise<string | null> {
    return this.q.text.get(guildId, id)?.text ?? null;
  }

  async addStory(story: NewServerStory): Promise<"added" | "replaced"> {
    return this.db.transaction(() => {
      const existed = !!this.q.exists.get(story.guildId, story.id);
      this.q.put.run(story);
      return existed ? ("replaced" as const) : ("added" as const);
    })();
  }

  async removeStory(guildId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const removed = this.q.remove.run(guildId, id).changes > 0;
      if (removed) this.q.clearDefault.run(guildId, id);
      return removed;
    })();
  }

  async defaultStory(guildId: string): Promise<string | null> {
    return this.q.getDefault.get(guildId)?.default_story ?? null;
  }

  async setDefaultStory(guildId: string, id: string | null): Promise<void> {
    this.q.setDefault.run(guildId, id);
  }
}
