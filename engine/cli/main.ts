/**
 * `tongban`: lint, compile and run BPMN diagrams from a terminal.
 * Run with `pnpm tongban <command>`; `pnpm tongban --help` lists the commands.
 */
import { Command, CommanderError } from 'commander';
import { analyseCommand } from './commands/analyse.js';
import { compileCommand } from './commands/compile.js';
import { dueCommand } from './commands/due.js';
import { formCheckCommand } from './commands/form-check.js';
import { lintCommand } from './commands/lint.js';
import { reengineerCommand } from './commands/reengineer.js';
import { runCommand } from './commands/run.js';
import { EXIT } from './support/cli-error.js';

function createProgram(): Command {
  const program = new Command('tongban')
    .description('通办流程引擎命令行 (Tongban engine command line)')
    .helpCommand('help [command]', '显示命令帮助 (show help for a command)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .showHelpAfterError('(--help 查看用法 / see --help for usage)')
    // Usage errors become exceptions instead of exit(1): 1 means "problems found" here.
    .exitOverride();
  for (const command of [lintCommand(), compileCommand(), runCommand()]) {
    program.addCommand(command.copyInheritedSettings(program));
  }
  program.addCommand(dueCommand().copyInheritedSettings(program));
  program.addCommand(reengineerCommand().copyInheritedSettings(program));
  program.addCommand(analyseCommand().copyInheritedSettings(program));
  program.addCommand(formCheckCommand().copyInheritedSettings(program));
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help exits 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    // Not a finding about the diagram, so not exit 1: the command could not do its work.
    process.stderr.write(`tongban: 内部错误 (internal error): ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}

// `tongban compile x.bpmn | head` closes stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});

await main(process.argv);
