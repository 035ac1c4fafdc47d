import type { InstanceCommit } from '../../store/index.js';
import type { Command } from '../commands.js';

/** Records why an instance ended when a command other than its process ended it (a withdrawal, 撤回). */
export function settleEnding(commit: InstanceCommit, command: Command): InstanceCommit {
  if (command.type !== 'instance.withdraw') return commit;
  return {
    ...commit,
    instance: {
      ...commit.instance,
      ending: {
        kind: 'withdrawn', message: '申请人已撤回申请', messageEn: 'The application was withdrawn',
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
      },
    },
  };
}
