import { createInterface, type Interface } from 'node:readline/promises';
import { ScaffoldError, type Asker } from './inputs.js';

/**
 * An {@link Asker} on the terminal; `close()` it when done. The terminal is
 * opened at the first question, so what was typed ahead while the handbook
 * loaded is read as the first answer instead of being dropped.
 */
export function createTerminalAsker(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Asker & { close(): void } {
  let terminal: Interface | undefined;
  let closed = false;
  const stopped = () => new ScaffoldError('Stopped: the input ended before every value was given.');
  return {
    async ask(question) {
      if (closed) throw stopped();
      if (!terminal) {
        terminal = createInterface({ input, output });
        terminal.once('close', () => (closed = true));
      }
      const open = terminal;
      return new Promise<string>((resolve, reject) => {
        const onClose = () => reject(stopped());
        open.once('close', onClose);
        open.question(question).then(
          (answer) => {
            open.off('close', onClose);
            resolve(answer);
          },
          (error: unknown) => {
            open.off('close', onClose);
            reject(error);
          },
        );
      });
    },
    tell(message) {
      output.write(`${message}\n`);
    },
    close() {
      terminal?.close();
    },
  };
}
