import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

export type CommentKind = 'comment' | 'correction' | 'rejection' | 'approval';

export interface CommentRecord {
  readonly id: string;
  readonly instanceId: string;
  readonly taskId?: string;
  readonly userId: string;
  readonly kind: CommentKind;
  readonly text: string;
  readonly at: string;
}

interface Row { id: string; instance_id: string; task_id: string | null; user_id: string; kind: CommentKind; text: string; at: string }

/** Clerks' opinions (审批意见), correction reasons and rejection reasons, per instance. */
export function commentsTable(db: Database.Database) {
  const insert = db.prepare('INSERT INTO comments (id, instance_id, task_id, user_id, kind, text, at) VALUES (@id, @instanceId, @taskId, @userId, @kind, @text, @at)');
  const ofInstance = db.prepare<[string], Row>('SELECT * FROM comments WHERE instance_id = ? ORDER BY at, rowid LIMIT 500');
  return {
    add(c: Omit<CommentRecord, 'id'>): CommentRecord {
      const record = { id: randomUUID(), ...c };
      insert.run({ ...record, taskId: c.taskId ?? null });
      return record;
    },
    ofInstance: (instanceId: string): CommentRecord[] => ofInstance.all(instanceId).map((r) => ({
      id: r.id, instanceId: r.instance_id, userId: r.user_id, kind: r.kind, text: r.text, at: r.at, ...(r.task_id !== null ? { taskId: r.task_id } : {}),
    })),
  };
}

export type CommentsTable = ReturnType<typeof commentsTable>;
