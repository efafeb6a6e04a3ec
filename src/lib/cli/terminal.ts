import type { Asker } from '../scaffold/inputs.js';
import { createTerminalAsker } from '../scaffold/prompt.js';
import type { CommandIo } from './commands.js';

/** Runs `body` with an asker on the terminal when someone is at it, and closes the terminal after. */
export async function withTerminalAsker<T>(io: CommandIo, body: (asker: Asker | undefined) => Promise<T>): Promise<T> {
  const asker = io.terminal ? createTerminalAsker(io.terminal.input, io.terminal.output) : undefined;
  try {
    return await body(asker);
  } finally {
    asker?.close();
  }
}
