import { createInterface } from 'node:readline/promises';
import type { Asker } from './inputs.js';
import { ScaffoldError } from './inputs.js';

/** An {@link Asker} on the terminal; `close()` it when done. */
export function createTerminalAsker(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Asker & { close(): void } {
  const terminal = createInterface({ input, output });
  let closed = false;
  terminal.once('close', () => (closed = true));
  return {
    async ask(question) {
      if (closed) throw new ScaffoldError('Stopped: the input ended before every value was given.');
      return new Promise<string>((resolve, reject) => {
        const onClose = () => reject(new ScaffoldError('Stopped: the input ended before every value was given.'));
        terminal.once('close', onClose);
        terminal.question(question).then(
          (answer) => {
            terminal.off('close', onClose);
            resolve(answer);
          },
          (error: unknown) => {
            terminal.off('close', onClose);
            reject(error);
          },
        );
      });
    },
    tell(message) {
      output.write(`${message}\n`);
    },
    close() {
      terminal.close();
    },
  };
}
